#include "train/Losses.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

namespace learn2add::train {
namespace {

TEST(Losses, L2IsTheMeanSquaredError) {
    const auto output = torch::tensor({0.5f, 0.0f, 1.0f, 0.25f});
    const auto target = torch::tensor({0.0f, 0.0f, 0.5f, 0.25f});
    EXPECT_NEAR(reconstructionLoss(output, target, ReconstructionLoss::L2).item<double>(),
                (0.25 + 0 + 0.25 + 0) / 4.0, 1e-7);
}

TEST(Losses, BceAgainstIntensities) {
    const auto output = torch::tensor({0.8f, 0.3f});
    const auto target = torch::tensor({1.0f, 0.5f});
    const double expected =
        -(std::log(0.8) + 0.5 * std::log(0.3) + 0.5 * std::log(0.7)) / 2.0;
    EXPECT_NEAR(reconstructionLoss(output, target, ReconstructionLoss::Bce).item<double>(), expected, 1e-6);
}

TEST(Losses, RmseAccumulatesOverBatchesAndComparesAt32) {
    SquaredError error;
    error.add(torch::full({2, 1, 32, 32}, 0.5), torch::zeros({2, 1, 32, 32}));
    error.add(torch::zeros({2, 1, 32, 32}), torch::zeros({2, 1, 32, 32}));
    EXPECT_NEAR(error.rmse(), std::sqrt(0.25 / 2.0), 1e-9);

    SquaredError at64;  // a 64x64 output is averaged down to 32x32 first
    at64.add(torch::full({1, 1, 64, 64}, 0.5), torch::full({1, 1, 32, 32}, 0.5));
    EXPECT_NEAR(at64.rmse(), 0.0, 1e-9);
    EXPECT_EQ(at64.count, 32.0 * 32.0);
}

}  // namespace
}  // namespace learn2add::train
