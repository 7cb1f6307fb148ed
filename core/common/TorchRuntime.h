#pragma once
// Thread settings for LibTorch and the BLAS it calls.
//
// Debian's LibTorch starts with one intra-op thread, and an OpenBLAS left with its own thread pool
// fights LibTorch's threads (measured: 7.7 ms instead of 0.7 ms to decode one image). Call
// configureTorchThreads() once at start-up, from the main thread, before any tensor work.
//
//   learn2add::configureTorchThreads(2);   // 2 intra-op threads, BLAS single-threaded

#include <string>

namespace learn2add {

struct TorchThreadSettings {
    int intraOpThreads = 0;      // what LibTorch uses now
    bool blasPinnedToOne = false;  // true when an OpenBLAS was found and set to one thread
    std::string blasName;        // "OpenBLAS", or "unknown BLAS" when it could not be identified
};

// Sets LibTorch's intra-op thread count (threads <= 0 means "all cores") and, when the BLAS that
// libblas.so.3 resolves to is OpenBLAS, restricts it to one thread. Returns what is in force.
TorchThreadSettings configureTorchThreads(int threads);

// The number of cores the machine reports (at least 1).
int hardwareThreads();

}  // namespace learn2add
