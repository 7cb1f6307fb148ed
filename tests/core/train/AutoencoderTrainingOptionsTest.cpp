#include "train/AutoencoderTrainingOptions.h"

#include <gtest/gtest.h>

#include <cmath>

namespace learn2add::train {
namespace {

std::string messageOf(const AutoencoderTrainingOptions& options) {
    try {
        options.validate();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

TEST(AutoencoderTrainingOptions, DefaultsFollowTheAssignment) {
    const AutoencoderTrainingOptions options;
    EXPECT_EQ(options.epochs(), 100);
    EXPECT_DOUBLE_EQ(options.learningRate(), 1e-3);
    EXPECT_EQ(options.codeSize(), 7);
    EXPECT_EQ(messageOf(options), "");
}

TEST(AutoencoderTrainingOptions, RefusesInvalidSettingsSayingWhatIsAllowed) {
    EXPECT_EQ(messageOf(AutoencoderTrainingOptions().codeSize(0)),
              "code size must be between 1 and 1024 (the assignment uses 2 and 7), got 0");
    EXPECT_EQ(messageOf(AutoencoderTrainingOptions().epochs(-3)),
              "epochs must be between 1 and 100000, got -3");
    EXPECT_NE(messageOf(AutoencoderTrainingOptions().learningRate(std::nan(""))).find("learning rate must be a finite number"),
              std::string::npos);
    EXPECT_NE(messageOf(AutoencoderTrainingOptions().batchSize(0)).find("batch size"), std::string::npos);
    EXPECT_NE(messageOf(AutoencoderTrainingOptions().threads(0)).find("threads"), std::string::npos);
}

TEST(AutoencoderTrainingOptions, LossNames) {
    EXPECT_EQ(reconstructionLossFromString("bce"), ReconstructionLoss::Bce);
    EXPECT_EQ(reconstructionLossFromString("l2"), ReconstructionLoss::L2);
    EXPECT_STREQ(toString(ReconstructionLoss::Bce), "bce");
    EXPECT_THROW(reconstructionLossFromString("huber"), std::invalid_argument);
}

}  // namespace
}  // namespace learn2add::train
