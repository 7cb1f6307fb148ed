#pragma once
// Order statistics of timings, shared by the benchmarks: the median, nearest-rank percentiles and
// a one-line summary in the form the GUI benchmark prints ("n=2900 p50=0.2 p95=1.1 p99=3.4
// max=12.0"), so that results stay greppable.
//
//   const LatencySummary summary = summarize(latenciesMs);
//   std::printf("output latency ms: %s\n", toString(summary).c_str());

#include <cstddef>
#include <string>
#include <vector>

namespace learn2add::bench {

// The middle value; the mean of the two middle values when their number is even. 0 when empty.
double median(std::vector<double> values);

// The nearest-rank percentile (the smallest value with at least `percent`% of the values at or
// below it), `percent` in [0, 100]. 0 when empty.
double percentile(std::vector<double> values, double percent);

struct LatencySummary {
    std::size_t count = 0;
    double p50 = 0.0, p95 = 0.0, p99 = 0.0, max = 0.0;
};

LatencySummary summarize(const std::vector<double>& values);

// "n=2900 p50=0.2 p95=1.1 p99=3.4 max=12.0": one decimal, milliseconds by convention.
std::string toString(const LatencySummary& summary);

}  // namespace learn2add::bench
