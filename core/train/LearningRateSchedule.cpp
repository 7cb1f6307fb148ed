#include "train/LearningRateSchedule.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace learn2add::train {

const char* toString(LearningRateSchedule schedule) {
    return schedule == LearningRateSchedule::Cosine ? "cosine" : "constant";
}

LearningRateSchedule learningRateScheduleFromString(const std::string& name) {
    if (name == "constant") return LearningRateSchedule::Constant;
    if (name == "cosine") return LearningRateSchedule::Cosine;
    throw std::invalid_argument("unknown learning-rate schedule '" + name + "' (constant or cosine)");
}

double scheduledRate(LearningRateSchedule schedule, double rate, int epoch, std::int64_t batch, int epochs,
                     std::int64_t batchesPerEpoch) {
    if (schedule == LearningRateSchedule::Constant) return rate;
    const double steps = static_cast<double>(epochs) * static_cast<double>(batchesPerEpoch);
    const double step = static_cast<double>(epoch - 1) * static_cast<double>(batchesPerEpoch) + static_cast<double>(batch);
    if (steps <= 0) return rate;
    return rate * 0.5 * (1.0 + std::cos(std::numbers::pi * std::min(step / steps, 1.0)));
}

}  // namespace learn2add::train
