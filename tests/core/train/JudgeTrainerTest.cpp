#include "train/JudgeTrainer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/data/IdxFixtures.h"
#include "core/train/SmallData.h"
#include "data/DigitTensors.h"
#include "track/RunFolder.h"
#include "train/AdditionTrainer.h"
#include "train/Checkpoint.h"

namespace learn2add::train {
namespace {

using testing::smallData;

TEST(JudgeTrainer, LearnsToReadDigitsAndKeepsTheBestEpoch) {
    data::testing::TempFolder folder;
    std::vector<JudgeEpochReport> epochs;
    TrainingControl control;
    JudgeTrainer trainer(JudgeTrainingOptions().epochs(3).batchSize(32).threads(2), smallData(),
                         folder.path() / "judge");
    const JudgeTrainingResult result =
        trainer.run({.onEpoch = [&](const JudgeEpochReport& r) { epochs.push_back(r); }}, control);
    ASSERT_EQ(result.status, TrainingResult::Status::Finished);
    ASSERT_EQ(epochs.size(), 3u);
    // 600 training digits, 3 epochs: far above chance (10%).
    EXPECT_GT(result.validationAccuracy, 0.7);
    EXPECT_GT(result.testAccuracy, 0.6);
    EXPECT_GT(epochs.back().trainAccuracy, epochs.front().trainAccuracy - 0.05);
    double best = 0.0;
    for (const auto& e : epochs) best = std::max(best, e.validationAccuracy);
    EXPECT_DOUBLE_EQ(result.validationAccuracy, best);

    // The run folder holds the best judge and its test accuracy.
    const auto config = track::RunFolder::open(folder.path() / "judge").readConfig();
    EXPECT_EQ(config["kind"], "judge");
    EXPECT_DOUBLE_EQ(config["result"]["test_accuracy"].get<double>(), result.testAccuracy);
    models::DigitJudge loaded = loadJudge(folder.path() / "judge");
    const auto& test = smallData()->test;
    EXPECT_DOUBLE_EQ(judgeAccuracy(loaded, data::imagesToTensor(test, 32), data::labelsToTensor(test)),
                     result.testAccuracy);
}

TEST(JudgeTrainer, AnAutoencoderCheckpointIsNotAJudge) {
    data::testing::TempFolder folder;
    models::Autoencoder model;
    std::filesystem::create_directories(folder.path() / "ae");
    saveCheckpoint(folder.path() / "ae" / "best.pt", *model, {"autoencoder", "upsample", 7, 1, 0.1});
    try {
        loadJudge(folder.path() / "ae");
        FAIL() << "expected a CheckpointError";
    } catch (const CheckpointError& e) {
        EXPECT_NE(std::string(e.what()).find("but those of judge"), std::string::npos) << e.what();
    }
}

TEST(JudgeTrainer, InvalidOptionsAreRefused) {
    EXPECT_THROW(JudgeTrainingOptions().epochs(0).validate(), std::invalid_argument);
    EXPECT_THROW(JudgeTrainingOptions().maxShift(9).validate(), std::invalid_argument);
    EXPECT_NO_THROW(JudgeTrainingOptions().validate());
}

}  // namespace
}  // namespace learn2add::train
