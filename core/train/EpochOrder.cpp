#include "train/EpochOrder.h"

#include <torch/torch.h>

#include <vector>

#include "common/SeededShuffle.h"

namespace learn2add::train {

torch::Tensor epochOrder(std::int64_t n, std::uint64_t seed, int epoch) {
    std::vector<std::int64_t> order(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
    SeededShuffle(seed * 1000003ULL + static_cast<std::uint64_t>(epoch)).shuffle(order);
    return torch::tensor(order, torch::kInt64);
}

BatchReport batchReport(int epoch, int epochs, std::int64_t batch, std::int64_t batchesPerEpoch,
                        double loss, Clock::time_point start, Clock::time_point loopStart,
                        Clock::time_point now, int firstEpoch) {
    BatchReport report;
    report.epoch = epoch;
    report.epochs = epochs;
    report.batch = static_cast<int>(batch + 1);
    report.batchesPerEpoch = static_cast<int>(batchesPerEpoch);
    report.loss = loss;
    report.elapsedSeconds = secondsBetween(start, now);
    const double done = static_cast<double>((epoch - firstEpoch) * batchesPerEpoch + batch + 1);
    const double total = static_cast<double>((epochs - firstEpoch + 1) * batchesPerEpoch);
    report.etaSeconds = secondsBetween(loopStart, now) / done * (total - done);
    return report;
}

}  // namespace learn2add::train
