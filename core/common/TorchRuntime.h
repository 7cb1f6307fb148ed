#pragma once
// Thread settings for LibTorch and the BLAS it calls.
//
// Debian's LibTorch starts with one intra-op thread, and an OpenBLAS left with its own thread pool
// fights LibTorch's threads (measured: 7.7 ms instead of 0.7 ms to decode one image). Call
// configureTorchThreads() once at start-up, from the main thread, before any tensor work.
//
//   learn2add::configureTorchThreads(2);   // 2 intra-op threads, BLAS single-threaded
//
// It also calls keepFreedMemoryInProcess(): training allocates and frees the same activation sizes
// every step, and glibc hands large freed blocks back to the kernel, so every step faults the same
// pages in again. Where page faults are expensive (virtual machines) that dominates: measured
// here, 100 resize64 training steps took 78 s without it and 15 s with it.

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

// glibc keeps freed blocks for reuse instead of returning them to the kernel (M_MMAP_THRESHOLD and
// M_TRIM_THRESHOLD raised to 1 GiB). Once per process; a no-op on other C libraries.
void keepFreedMemoryInProcess();

// The number of cores the machine reports (at least 1).
int hardwareThreads();

}  // namespace learn2add
