#include "train/AutoencoderTrainer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <chrono>
#include <thread>

#include "core/data/IdxFixtures.h"
#include "core/train/SmallData.h"
#include "track/EventFileReader.h"
#include "track/RunFolder.h"
#include "track/TrackError.h"
#include "train/Checkpoint.h"

namespace learn2add::train {
namespace {

using testing::smallData;

AutoencoderTrainingOptions quickAutoencoderOptions() {
    return AutoencoderTrainingOptions()
        .decoder(models::DecoderKind::Upsample)
        .codeSize(2)
        .epochs(2)
        .batchSize(32)
        .maxBatchesPerEpoch(4)
        .threads(2)
        .seed(7);
}

TEST(AutoencoderTrainer, SameSeedGivesBitIdenticalWeights) {
    TrainingControl control;
    AutoencoderTrainer first(quickAutoencoderOptions(), smallData());
    AutoencoderTrainer second(quickAutoencoderOptions(), smallData());
    first.run({}, control);
    second.run({}, control);
    const auto a = first.model()->named_parameters();
    const auto b = second.model()->named_parameters();
    ASSERT_EQ(a.size(), b.size());
    for (const auto& parameter : a) {
        EXPECT_TRUE(torch::equal(parameter.value(), b[parameter.key()])) << parameter.key();
    }
    AutoencoderTrainer other(quickAutoencoderOptions().seed(8), smallData());
    other.run({}, control);
    EXPECT_FALSE(torch::equal(other.model()->parameters()[0], first.model()->parameters()[0]));
}

TEST(AutoencoderTrainer, LearnsAndWritesACompleteRunFolder) {
    data::testing::TempFolder folder;
    const auto runPath = folder.path() / "run";
    std::vector<EpochReport> epochs;
    int batches = 0;
    TrainingControl control;
    AutoencoderTrainer trainer(quickAutoencoderOptions().epochs(4).maxBatchesPerEpoch(0),
                               smallData(), runPath);
    const TrainingResult result = trainer.run(
        {.onBatch = [&](const BatchReport&) { ++batches; },
         .onEpoch = [&](const EpochReport& report) { epochs.push_back(report); }},
        control);

    EXPECT_EQ(result.status, TrainingResult::Status::Finished);
    ASSERT_EQ(epochs.size(), 4u);
    EXPECT_EQ(batches, 4 * 19);  // ceil(600 / 32) batches per epoch
    EXPECT_LT(epochs.back().validationRmse, epochs.front().validationRmse);
    EXPECT_GT(result.imagesPerSecond, 0.0);
    EXPECT_EQ(epochs.back().reconstructions.count, 5);
    EXPECT_EQ(epochs.back().reconstructions.size, 32);
    EXPECT_EQ(epochs.back().codes2d.size(), 2 * smallData()->validation.size());

    const track::RunFolder run = track::RunFolder::open(runPath);
    const auto config = run.readConfig();
    EXPECT_EQ(config["kind"], "autoencoder");
    EXPECT_EQ(config["decoder"], "upsample");
    EXPECT_EQ(config["code_size"], 2);
    EXPECT_EQ(config["data"]["split_seed"], 42);
    const auto metrics = run.readMetrics();
    ASSERT_EQ(metrics.size(), 4u);
    EXPECT_NEAR(metrics[3].at("validation_rmse"), epochs[3].validationRmse, 1e-8);
    EXPECT_EQ(metrics[3].at("best_epoch"), result.bestEpoch);

    const CheckpointInfo best = readCheckpointInfo(run.bestCheckpointPath());
    EXPECT_EQ(best.epoch, result.bestEpoch);
    EXPECT_EQ(readCheckpointInfo(run.lastCheckpointPath()).epoch, 4);

    // TensorBoard: one event file with every scalar and the reconstructions each epoch.
    std::filesystem::path eventFile;
    for (const auto& entry : std::filesystem::directory_iterator(runPath)) {
        if (entry.path().filename().string().find("tfevents") != std::string::npos) eventFile = entry.path();
    }
    ASSERT_FALSE(eventFile.empty());
    const auto events = track::readEventFile(eventFile);
    int scalars = 0, images = 0;
    for (const auto& event : events) {
        scalars += static_cast<int>(event.scalars.size());
        images += static_cast<int>(event.images.size());
    }
    EXPECT_EQ(scalars, 4 * 5);
    EXPECT_EQ(images, 4);
}

TEST(AutoencoderTrainer, StopMidEpochEndsAtTheNextBatchAndLeavesAValidBestCheckpoint) {
    // "Quickly" is measured in batches, not seconds: no batch runs after the cancel.
    data::testing::TempFolder folder;
    TrainingControl control;
    AutoencoderTrainer trainer(quickAutoencoderOptions().epochs(50).maxBatchesPerEpoch(0),
                               smallData(), folder.path());
    int batchesAfterCancel = 0;
    TrainingResult result;
    std::thread worker([&] {
        result = trainer.run({.onBatch =
                                  [&](const BatchReport& report) {
                                      if (control.cancelRequested()) ++batchesAfterCancel;
                                      if (report.epoch == 2 && report.batch == 5)
                                          control.requestCancel();
                                  }},
                             control);
    });
    worker.join();
    EXPECT_EQ(result.status, TrainingResult::Status::Cancelled);
    EXPECT_EQ(batchesAfterCancel, 0);
    models::Autoencoder model(models::AutoencoderOptions().decoder(models::DecoderKind::Upsample).codeSize(2));
    const CheckpointInfo info = loadCheckpoint(folder.path() / "best.pt", *model, {"autoencoder", "upsample", 2});
    EXPECT_EQ(info.epoch, 1);
}

TEST(AutoencoderTrainer, CancelBeforeTheFirstEpochStillLeavesABestCheckpoint) {
    data::testing::TempFolder folder;
    TrainingControl control;
    AutoencoderTrainer trainer(quickAutoencoderOptions(), smallData(), folder.path());
    const auto result = trainer.run({.onBatch = [&](const BatchReport&) { control.requestCancel(); }}, control);
    EXPECT_EQ(result.status, TrainingResult::Status::Cancelled);
    EXPECT_EQ(readCheckpointInfo(folder.path() / "best.pt").epoch, 0);
}

TEST(AutoencoderTrainer, PauseHoldsTheLoopUntilResumed) {
    TrainingControl control;
    AutoencoderTrainer trainer(quickAutoencoderOptions().epochs(1), smallData());
    std::atomic<int> batches{0};
    std::thread worker([&] {
        trainer.run({.onBatch = [&](const BatchReport& report) {
                         batches = report.batch;
                         if (report.batch == 2) control.requestPause();
                     }},
                    control);
    });
    for (int i = 0; i < 3000 && batches.load() < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(batches.load(), 2);  // held at batch 2 while paused
    control.resume();
    worker.join();
    EXPECT_EQ(batches.load(), 4);
}

TEST(AutoencoderTrainer, NaNLossStopsTheRunWithAMessageAndKeepsTheBestCheckpoint) {
    data::testing::TempFolder folder;
    TrainingControl control;
    AutoencoderTrainer trainer(quickAutoencoderOptions().epochs(3), smallData(), folder.path());
    const auto result = trainer.run(
        {.onBatch =
             [&](const BatchReport& report) {
                 if (report.epoch == 2 && report.batch == 2) {  // poison the weights
                     torch::NoGradGuard noGrad;
                     trainer.model()->parameters()[0].fill_(std::nanf(""));
                 }
             }},
        control);
    EXPECT_EQ(result.status, TrainingResult::Status::Diverged);
    EXPECT_NE(result.message.find("NaN at epoch 2, batch 3"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find("best.pt (epoch 1) is kept"), std::string::npos) << result.message;
    EXPECT_EQ(readCheckpointInfo(folder.path() / "best.pt").epoch, 1);
}

TEST(AutoencoderTrainer, InvalidOptionsAndFoldersAreRefusedBeforeTraining) {
    TrainingControl control;
    EXPECT_THROW(
        AutoencoderTrainer(quickAutoencoderOptions().codeSize(0), smallData()).run({}, control),
        std::invalid_argument);
    EXPECT_THROW(AutoencoderTrainer(quickAutoencoderOptions(), smallData(), "/proc/no-run-here")
                     .run({}, control),
                 track::TrackError);
}

}  // namespace
}  // namespace learn2add::train
