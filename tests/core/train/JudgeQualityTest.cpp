// The judge's bar (ASSIGNMENT-derived quality bar in ../shared/DESIGN.md): trained with its default
// recipe on the embedded data, it reads the test split at >= 98%. Minutes of training: "slow".
#include <gtest/gtest.h>

#include "data/MnistData.h"
#include "train/JudgeTrainer.h"

namespace learn2add::train {
namespace {

TEST(JudgeQuality, DefaultRecipeReadsTheEmbeddedTestSplitAtNinetyEightPercent) {
    const auto data = std::make_shared<const data::MnistData>(data::loadMnist(std::nullopt, 42));
    TrainingControl control;
    const JudgeTrainingResult result = JudgeTrainer(JudgeTrainingOptions(), data).run({}, control);
    ASSERT_EQ(result.status, TrainingResult::Status::Finished);
    EXPECT_GE(result.testAccuracy, 0.98) << "validation " << result.validationAccuracy;
}

}  // namespace
}  // namespace learn2add::train
