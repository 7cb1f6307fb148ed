#include "MachineLoad.h"

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace learn2add::bench {

CpuSample sampleCpu() {
    CpuSample sample;
    std::ifstream stat("/proc/stat");
    std::string cpu;
    double user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    if (stat >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal) {
        sample.machineBusySeconds = (user + nice + system + irq + softirq + steal) /
                                    static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    sample.ownSeconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    return sample;
}

double othersCpuPercent(const CpuSample& start, const CpuSample& end) {
    const double wall = std::chrono::duration<double>(end.when - start.when).count();
    const double others =
        (end.machineBusySeconds - start.machineBusySeconds) - (end.ownSeconds - start.ownSeconds);
    const double cores = static_cast<double>(sysconf(_SC_NPROCESSORS_ONLN));
    return wall > 0 ? std::max(0.0, 100.0 * others / (wall * cores)) : 0.0;
}

double callingThreadCpuSeconds() {
    timespec time{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_nsec) / 1e9;
}

std::vector<double> loadAverage() {
    std::ifstream file("/proc/loadavg");
    std::vector<double> load(3, -1.0);
    file >> load[0] >> load[1] >> load[2];
    return load;
}

}  // namespace learn2add::bench
