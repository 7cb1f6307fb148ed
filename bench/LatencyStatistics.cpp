#include "LatencyStatistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace learn2add::bench {

double median(std::vector<double> values) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double percentile(std::vector<double> values, double percent) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(
        std::ceil(std::clamp(percent, 0.0, 100.0) / 100.0 * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

LatencySummary summarize(const std::vector<double>& values) {
    LatencySummary summary;
    summary.count = values.size();
    if (values.empty()) return summary;
    summary.p50 = percentile(values, 50);
    summary.p95 = percentile(values, 95);
    summary.p99 = percentile(values, 99);
    summary.max = *std::max_element(values.begin(), values.end());
    return summary;
}

std::string toString(const LatencySummary& summary) {
    char text[160];
    std::snprintf(text, sizeof text, "n=%zu p50=%.1f p95=%.1f p99=%.1f max=%.1f", summary.count,
                  summary.p50, summary.p95, summary.p99, summary.max);
    return text;
}

}  // namespace learn2add::bench
