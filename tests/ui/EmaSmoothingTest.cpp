#include "plots/EmaSmoothing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace learn2add::ui {
namespace {

TEST(EmaSmoothing, ZeroWeightReturnsTheValues) {
    const std::vector<double> values{3.0, 1.0, 4.0, 1.0, 5.0};
    EXPECT_EQ(emaSmooth(values, 0.0), values);
}

TEST(EmaSmoothing, IsDebiasedLikeTensorBoard) {
    // w = 0.5: m1 = 0.5*2 = 1, /(1-0.5) = 2; m2 = 0.5*1 + 0.5*4 = 2.5, /(1-0.25) = 3.3333.
    const auto smoothed = emaSmooth({2.0, 4.0}, 0.5);
    ASSERT_EQ(smoothed.size(), 2u);
    EXPECT_DOUBLE_EQ(smoothed[0], 2.0);  // the first point is never pulled towards zero
    EXPECT_NEAR(smoothed[1], 10.0 / 3.0, 1e-12);
}

TEST(EmaSmoothing, KeepsAConstantCurveConstant) {
    for (const double weight : {0.3, 0.9, 0.99}) {
        for (const double v : emaSmooth(std::vector<double>(50, 0.125), weight))
            EXPECT_NEAR(v, 0.125, 1e-12);
    }
}

TEST(EmaSmoothing, HeavierWeightsSmoothMore) {
    std::vector<double> noisy;
    for (int i = 0; i < 100; ++i) noisy.push_back(i % 2 == 0 ? 1.0 : 0.0);
    const auto wiggle = [](const std::vector<double>& v) {
        double sum = 0.0;
        for (std::size_t i = 50; i + 1 < v.size(); ++i) sum += std::abs(v[i + 1] - v[i]);
        return sum;
    };
    EXPECT_GT(wiggle(emaSmooth(noisy, 0.2)), wiggle(emaSmooth(noisy, 0.6)));
    EXPECT_GT(wiggle(emaSmooth(noisy, 0.6)), wiggle(emaSmooth(noisy, 0.95)));
    EXPECT_NEAR(emaSmooth(noisy, 0.95).back(), 0.5, 0.05);
}

TEST(EmaSmoothing, PassesNonFiniteValuesThroughWithoutPoisoningTheAverage) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto smoothed = emaSmooth({1.0, nan, 1.0}, 0.5);
    ASSERT_EQ(smoothed.size(), 3u);
    EXPECT_DOUBLE_EQ(smoothed[0], 1.0);
    EXPECT_TRUE(std::isnan(smoothed[1]));
    EXPECT_DOUBLE_EQ(smoothed[2], 1.0);
}

TEST(EmaSmoothing, ClampsTheWeightAndHandlesEmptyInput) {
    EXPECT_TRUE(emaSmooth({}, 0.5).empty());
    EXPECT_EQ(emaSmooth({1.0, 2.0}, -3.0), (std::vector<double>{1.0, 2.0}));
    const auto heavy = emaSmooth({1.0, 2.0}, 7.0);  // clamped to 0.999: finite, debiased
    EXPECT_DOUBLE_EQ(heavy[0], 1.0);
    EXPECT_TRUE(std::isfinite(heavy[1]));
}

}  // namespace
}  // namespace learn2add::ui
