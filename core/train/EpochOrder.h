#pragma once
// Small pieces every training loop shares: the seeded order of an epoch and wall-clock seconds.

#include <torch/types.h>

#include <chrono>
#include <cstdint>

#include "train/TrainingReports.h"

namespace learn2add::train {

using Clock = std::chrono::steady_clock;

inline double secondsBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

// A permutation of 0..n-1 (int64 tensor) from the portable seeded shuffle: the same seed and epoch
// give the same order on every platform.
torch::Tensor epochOrder(std::int64_t n, std::uint64_t seed, int epoch);

// The report of batch `batch` (0-based) of `epoch` (1-based), at `now`. Elapsed time counts from
// `start`; the ETA extrapolates the time since `loopStart` (the first batch of `firstEpoch`, the
// epoch this session started with) over the batches left.
BatchReport batchReport(int epoch, int epochs, std::int64_t batch, std::int64_t batchesPerEpoch,
                        double loss, Clock::time_point start, Clock::time_point loopStart,
                        Clock::time_point now, int firstEpoch = 1);

}  // namespace learn2add::train
