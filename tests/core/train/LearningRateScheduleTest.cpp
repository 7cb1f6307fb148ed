// Adam's rate over a run (train/LearningRateSchedule.h): constant, or a cosine from the set rate at
// the first batch to 0 after the last, half way at the middle, falling all along.
#include "train/LearningRateSchedule.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace learn2add::train {
namespace {

TEST(LearningRateSchedule, ConstantKeepsTheRate) {
    EXPECT_EQ(scheduledRate(LearningRateSchedule::Constant, 1e-3, 7, 3, 10, 5), 1e-3);
}

TEST(LearningRateSchedule, CosineFallsFromTheRateToZeroOverTheRunsBatches) {
    const auto rate = [](int epoch, int batch) {
        return scheduledRate(LearningRateSchedule::Cosine, 1e-3, epoch, batch, 4, 10);
    };
    EXPECT_DOUBLE_EQ(rate(1, 0), 1e-3);
    EXPECT_NEAR(rate(3, 0), 0.5e-3, 1e-12) << "step 20 of 40";
    EXPECT_NEAR(rate(4, 9), 1e-3 * 0.5 * (1 + std::cos(M_PI * 39.0 / 40.0)), 1e-15);
    EXPECT_LT(rate(4, 9), 1e-5);
    double previous = 2e-3;
    for (int epoch = 1; epoch <= 4; ++epoch) {
        for (int batch = 0; batch < 10; ++batch) {
            EXPECT_LT(rate(epoch, batch), previous);
            previous = rate(epoch, batch);
        }
    }
}

TEST(LearningRateSchedule, NamesRoundTripAndUnknownOnesAreRefused) {
    for (const auto schedule : {LearningRateSchedule::Constant, LearningRateSchedule::Cosine}) {
        EXPECT_EQ(learningRateScheduleFromString(toString(schedule)), schedule);
    }
    EXPECT_THROW(learningRateScheduleFromString("linear"), std::invalid_argument);
}

}  // namespace
}  // namespace learn2add::train
