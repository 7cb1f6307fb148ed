#include "common/TorchRuntime.h"

#include <dlfcn.h>
#include <torch/torch.h>

#include <cstdlib>  // defines __GLIBC__ on glibc
#include <thread>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace learn2add {

int hardwareThreads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

void keepFreedMemoryInProcess() {
#if defined(__GLIBC__)
    static const bool configured = [] {
        mallopt(M_MMAP_THRESHOLD, 1 << 30);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
        return true;
    }();
    (void)configured;
#endif
}

TorchThreadSettings configureTorchThreads(int threads) {
    keepFreedMemoryInProcess();
    TorchThreadSettings settings;
    // OpenBLAS exports openblas_set_num_threads; the reference BLAS does not. Looking the symbol up
    // at run time keeps us independent of which libblas.so.3 the system selected.
    using SetThreads = void (*)(int);
    if (auto* set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) {
        set(1);
        settings.blasPinnedToOne = true;
        settings.blasName = "OpenBLAS";
    } else {
        settings.blasName = "unknown BLAS";
    }
    torch::set_num_threads(threads > 0 ? threads : hardwareThreads());
    settings.intraOpThreads = torch::get_num_threads();
    return settings;
}

}  // namespace learn2add
