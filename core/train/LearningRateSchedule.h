#pragma once
// How Adam's rate moves over a run: constant (the assignment's), or cosine from the set rate down
// to 0 over the run's batches,
//   rate(step) = rate x (1 + cos(pi x step / steps)) / 2,   step = 0 at epoch 1's first batch,
// a function of (epoch, batch, epochs) only, so a resumed run takes the same steps. With noisy
// targets (the code term's E(y) of one random image of the sum) a falling rate lets the weights
// settle on the average instead of following the last batches.

#include <cstdint>
#include <string>

namespace learn2add::train {

enum class LearningRateSchedule { Constant, Cosine };

const char* toString(LearningRateSchedule schedule);  // "constant", "cosine"
// Runs from before the schedule was recorded in config.json kept a constant rate.
inline constexpr LearningRateSchedule kScheduleOfUnrecordedRuns = LearningRateSchedule::Constant;
LearningRateSchedule learningRateScheduleFromString(const std::string& name);  // throws invalid_argument

// The rate of batch `batch` (0-based) of epoch `epoch` (1-based) of `epochs` epochs of
// `batchesPerEpoch` batches.
double scheduledRate(LearningRateSchedule schedule, double rate, int epoch, std::int64_t batch, int epochs,
                     std::int64_t batchesPerEpoch);

}  // namespace learn2add::train
