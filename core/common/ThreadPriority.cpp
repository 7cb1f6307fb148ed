#include "common/ThreadPriority.h"

#include <algorithm>
#include <cerrno>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace learn2add {

#if defined(__linux__)
namespace {

id_t thisThreadsId() {
    return static_cast<id_t>(::syscall(SYS_gettid));
}

}  // namespace

bool lowerThisThreadsPriority(int increment) {
    // On Linux the niceness of PRIO_PROCESS with a thread id is that thread's own.
    const int niceness = std::min(kLowestPriorityNiceness, thisThreadsNiceness() + increment);
    return ::setpriority(PRIO_PROCESS, thisThreadsId(), niceness) == 0;
}

int thisThreadsNiceness() {
    errno = 0;
    const int value = ::getpriority(PRIO_PROCESS, thisThreadsId());
    return errno == 0 ? value : 0;
}
#else
bool lowerThisThreadsPriority(int) {
    return false;
}

int thisThreadsNiceness() {
    return 0;
}
#endif

}  // namespace learn2add
