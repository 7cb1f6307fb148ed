#pragma once
// How busy the machine is apart from the benchmark, shared by the benchmarks: timings taken next to
// a compiler or another training mean little unless the report says so.
//
//   const CpuSample start = sampleCpu();
//   ... measure ...
//   std::printf("others used %.0f%% of the machine\n", othersCpuPercent(start, sampleCpu()));

#include <chrono>
#include <vector>

namespace learn2add::bench {

// Busy CPU seconds of all cores (from /proc/stat) and this process's own CPU seconds, so that
// their difference is what other processes used.
struct CpuSample {
    std::chrono::steady_clock::time_point when = std::chrono::steady_clock::now();
    double machineBusySeconds = 0.0;
    double ownSeconds = 0.0;
};

CpuSample sampleCpu();

// Share of the whole machine (all cores) that other processes used between the samples, in %.
double othersCpuPercent(const CpuSample& start, const CpuSample& end);

// CPU seconds that the calling thread has used (CLOCK_THREAD_CPUTIME_ID): over a wall-clock
// window, how busy one thread (the GUI thread, say) really was, whether or not it was preempted.
double callingThreadCpuSeconds();

// The 1, 5 and 15 minute load averages (-1 each when /proc/loadavg cannot be read).
std::vector<double> loadAverage();

}  // namespace learn2add::bench
