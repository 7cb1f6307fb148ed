// The shared training loop (train/TrainingLoop.h) through the three trainers: resume is
// bit-identical, a resume that conflicts with the run's settings is refused, metrics.csv and
// config.json say what happened, and a folder has one owner.
#include "train/TrainingLoop.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <unistd.h>

#include <chrono>
#include <fstream>

#include "core/data/IdxFixtures.h"
#include "core/train/SmallData.h"
#include "track/EventFileReader.h"
#include "track/RunFolder.h"
#include "track/TrackError.h"
#include "train/AdditionTrainer.h"
#include "train/AutoencoderTrainer.h"
#include "train/Checkpoint.h"
#include "train/JudgeTrainer.h"

namespace learn2add::train {
namespace {

using testing::smallData;
using track::RunFolderUse;

AutoencoderTrainingOptions resumableAutoencoder() {
    return AutoencoderTrainingOptions()
        .decoder(models::DecoderKind::Mirror)
        .codeSize(2)
        .epochs(3)
        .batchSize(32)
        .maxBatchesPerEpoch(4)
        .threads(2)
        .seed(11);
}

// A variational addition model with the guided recipe and its digit-label aids: the random
// generator (the codes' noise), the digit probe and the prototypes all have to survive a resume.
AdditionTrainingOptions resumableAddition() {
    return withDigitLabelAids(AdditionTrainingOptions())
        .variant(models::AdditionVariant::Variational)
        .decoder(models::DecoderKind::Mirror)
        .epochs(3)
        .batchSize(32)
        .maxBatchesPerEpoch(3)
        .autoencoderWarmupEpochs(1)
        .adderWarmupPasses(2)
        .learningRateSchedule(LearningRateSchedule::Cosine)  // a function of the step: resumes too
        .threads(2)
        .seed(3);
}

// Dropout and the random shifts: both random streams have to survive a resume.
JudgeTrainingOptions resumableJudge() {
    return JudgeTrainingOptions().epochs(3).batchSize(32).maxBatchesPerEpoch(4).threads(2).seed(5);
}

// Cancels the training once `epoch` has been recorded (the loop stops at the next batch).
struct CancelAfter {
    int epoch;
    TrainingControl& control;
    template <typename Report>
    void operator()(const Report& report) const {
        if (report.epoch == epoch) control.requestCancel();
    }
};

// The smallest model the loop can train: a line fitted to y = 2x over 16 points, batches of 4. It
// asks for a pause after the second batch of epoch 1.
class LineSteps : public TrainingSteps {
public:
    explicit LineSteps(TrainingControl& control) : control_(control) {}
    torch::nn::Module& model() override { return *line_; }
    CheckpointInfo checkpointInfo() const override { return {"line", "linear", 1, 0, 0.0}; }
    std::vector<torch::Tensor> parameters() override { return line_->parameters(); }
    std::int64_t examples() const override { return x_.size(0); }
    torch::Tensor batchLoss(const torch::Tensor& positions) override {
        const torch::Tensor x = x_.index_select(0, positions);
        return (line_->forward(x) - 2 * x).pow(2).mean();
    }
    void afterStep(const BatchReport& at, std::int64_t) override {
        if (at.epoch == 1 && at.batch == 2) control_.requestPause();
    }
    std::optional<EpochRecord> evaluate(int, const TrainingControl&) override { return EpochRecord{}; }

private:
    TrainingControl& control_;
    torch::nn::Linear line_{1, 1};
    torch::Tensor x_ = torch::linspace(0, 1, 16).unsqueeze(1);
};

void expectSameParameters(torch::nn::Module& a, torch::nn::Module& b) {
    const auto left = a.named_parameters();
    const auto right = b.named_parameters();
    ASSERT_EQ(left.size(), right.size());
    for (const auto& parameter : left) {
        EXPECT_TRUE(torch::equal(parameter.value(), right[parameter.key()])) << parameter.key();
    }
}

std::vector<double> epochsIn(const std::filesystem::path& run) {
    std::vector<double> epochs;
    for (const auto& row : track::RunFolder::open(run).readMetrics()) epochs.push_back(row.at("epoch"));
    return epochs;
}

std::string statusIn(const std::filesystem::path& run) {
    return statusOfRun(track::RunFolder::open(run).readConfig());
}

TEST(TrainingLoop, AResumedAutoencoderEqualsOneTrainedStraightThrough) {
    data::testing::TempFolder folder;
    TrainingControl straightControl;
    AutoencoderTrainer straight(resumableAutoencoder(), smallData(), folder.path() / "straight");
    const TrainingResult whole = straight.run({}, straightControl);

    TrainingControl control;
    AutoencoderTrainer first(resumableAutoencoder(), smallData(), folder.path() / "resumed");
    const TrainingResult stopped = first.run({.onEpoch = CancelAfter{1, control}}, control);
    ASSERT_EQ(stopped.status, TrainingResult::Status::Cancelled);
    EXPECT_EQ(stopped.epochsRun, 1);
    EXPECT_EQ(statusIn(folder.path() / "resumed"), "cancelled");

    TrainingControl again;
    AutoencoderTrainer second(resumableAutoencoder(), smallData(), folder.path() / "resumed",
                              RunFolderUse::Resume);
    std::vector<int> epochs;
    const TrainingResult resumed =
        second.run({.onEpoch = [&](const EpochReport& r) { epochs.push_back(r.epoch); }}, again);
    EXPECT_EQ(resumed.status, TrainingResult::Status::Finished);
    EXPECT_EQ(epochs, (std::vector<int>{2, 3}));  // nothing repeated, nothing skipped
    expectSameParameters(*straight.model(), *second.model());
    EXPECT_EQ(epochsIn(folder.path() / "resumed"), (std::vector<double>{1, 2, 3}));
    EXPECT_EQ(statusIn(folder.path() / "resumed"), "finished");
    // The best epoch and its RMSE are the straight run's.
    EXPECT_EQ(resumed.bestEpoch, whole.bestEpoch);
    EXPECT_DOUBLE_EQ(resumed.bestValidationRmse, whole.bestValidationRmse);
}

TEST(TrainingLoop, AResumedAdditionModelEqualsOneTrainedStraightThrough) {
    data::testing::TempFolder folder;
    TrainingControl straightControl;
    AdditionTrainer straight(resumableAddition(), smallData(), folder.path() / "straight");
    const AdditionTrainingResult whole = straight.run({}, straightControl);

    TrainingControl control;
    AdditionTrainer first(resumableAddition(), smallData(), folder.path() / "resumed");
    ASSERT_EQ(first.run({.onEpoch = CancelAfter{2, control}}, control).status,
              TrainingResult::Status::Cancelled);
    TrainingControl again;
    int warmups = 0;
    AdditionTrainer second(resumableAddition(), smallData(), folder.path() / "resumed",
                           RunFolderUse::Resume);
    const AdditionTrainingResult resumed =
        second.run({.onWarmup = [&](const WarmupReport&) { ++warmups; }}, again);
    EXPECT_EQ(warmups, 0);  // the warm-up is not repeated
    EXPECT_EQ(resumed.epochsRun, 3);
    EXPECT_EQ(resumed.bestEpoch, whole.bestEpoch);
    EXPECT_DOUBLE_EQ(resumed.bestValidationGeneration, whole.bestValidationGeneration);
    expectSameParameters(*straight.model(), *second.model());
    EXPECT_EQ(epochsIn(folder.path() / "resumed"), (std::vector<double>{1, 2, 3}));
}

TEST(TrainingLoop, AResumedJudgeEqualsOneTrainedStraightThrough) {
    data::testing::TempFolder folder;
    TrainingControl straightControl;
    JudgeTrainer straight(resumableJudge(), smallData(), folder.path() / "straight");
    const JudgeTrainingResult whole = straight.run({}, straightControl);

    TrainingControl control;
    JudgeTrainer first(resumableJudge(), smallData(), folder.path() / "resumed");
    ASSERT_EQ(first.run({.onEpoch = CancelAfter{1, control}}, control).status,
              TrainingResult::Status::Cancelled);
    TrainingControl again;
    JudgeTrainer second(resumableJudge(), smallData(), folder.path() / "resumed", RunFolderUse::Resume);
    const JudgeTrainingResult resumed = second.run({}, again);
    EXPECT_EQ(resumed.bestEpoch, whole.bestEpoch);
    EXPECT_DOUBLE_EQ(resumed.testAccuracy, whole.testAccuracy);
    expectSameParameters(*straight.model(), *second.model());  // the best epoch's weights
    const auto config = track::RunFolder::open(folder.path() / "resumed").readConfig();
    EXPECT_EQ(config.at("result").at("best_epoch"), whole.bestEpoch);
}

TEST(TrainingLoop, AResumeWithOtherSettingsIsRefusedNamingTheSetting) {
    data::testing::TempFolder folder;
    const auto run = folder.path() / "run";
    TrainingControl control;
    AutoencoderTrainer(resumableAutoencoder().epochs(1), smallData(), run).run({}, control);
    const auto before = track::RunFolder::open(run).readMetrics();
    try {
        AutoencoderTrainer(resumableAutoencoder().decoder(models::DecoderKind::Upsample), smallData(),
                           run, RunFolderUse::Resume)
            .run({}, control);
        FAIL() << "a resume with another decoder was accepted";
    } catch (const track::TrackError& e) {
        EXPECT_NE(std::string(e.what()).find("decoder \"upsample\""), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("\"mirror\""), std::string::npos) << e.what();
    }
    EXPECT_EQ(track::RunFolder::open(run).readMetrics(), before);  // nothing written
    // More epochs (and other thread counts) are what a resume is for.
    const TrainingResult longer =
        AutoencoderTrainer(resumableAutoencoder().epochs(2).threads(1), smallData(), run,
                           RunFolderUse::Resume)
            .run({}, control);
    EXPECT_EQ(longer.epochsRun, 2);
}

TEST(TrainingLoop, AFolderThatHoldsARunIsRefusedUnlessReplaced) {
    data::testing::TempFolder folder;
    const auto run = folder.path() / "run";
    TrainingControl control;
    AutoencoderTrainer(resumableAutoencoder().epochs(1), smallData(), run).run({}, control);
    EXPECT_THROW(AutoencoderTrainer(resumableAutoencoder().epochs(1), smallData(), run).run({}, control),
                 track::TrackError);
    EXPECT_EQ(track::findEventFiles(run).size(), 1u);

    AutoencoderTrainer(resumableAutoencoder().epochs(2), smallData(), run, RunFolderUse::Replace)
        .run({}, control);
    EXPECT_EQ(track::findEventFiles(run).size(), 1u);  // the old event file went with the old run
    EXPECT_EQ(epochsIn(run), (std::vector<double>{1, 2}));
    EXPECT_EQ(track::RunFolder::open(run).readConfig().at("epochs"), 2);
}

TEST(TrainingLoop, ARunStoppedBeforeItsFirstEpochSaysSoAndResumesFromTheStart) {
    data::testing::TempFolder folder;
    const auto run = folder.path() / "run";
    TrainingControl control;
    control.requestCancel();
    const TrainingResult stopped =
        AutoencoderTrainer(resumableAutoencoder(), smallData(), run).run({}, control);
    EXPECT_EQ(stopped.epochsRun, 0);
    EXPECT_EQ(statusIn(run), "cancelled before epoch 1");
    EXPECT_EQ(readCheckpointInfo(run / "best.pt").epoch, 0);

    TrainingControl again;
    AutoencoderTrainer resumed(resumableAutoencoder(), smallData(), run, RunFolderUse::Resume);
    EXPECT_EQ(resumed.run({}, again).epochsRun, 3);
    AutoencoderTrainer straight(resumableAutoencoder(), smallData());
    straight.run({}, again);
    expectSameParameters(*straight.model(), *resumed.model());
}

TEST(RunFolderOwnership, ASecondWriterIsRefusedNamingTheHolder) {
    data::testing::TempFolder folder;
    const auto root = folder.path() / "run";
    {
        const track::RunFolder held = track::RunFolder::claim(root, RunFolderUse::New);
        try {
            track::RunFolder::claim(root, RunFolderUse::Replace);
            FAIL() << "a second writer was let in";
        } catch (const track::TrackError& e) {
            EXPECT_NE(std::string(e.what()).find("process " + std::to_string(getpid())),
                      std::string::npos)
                << e.what();
        }
    }
    EXPECT_NO_THROW(track::RunFolder::claim(root, RunFolderUse::New));  // the lock ended with it
    EXPECT_THROW(track::RunFolder::claim(folder.path() / "none", RunFolderUse::Resume),
                 track::TrackError);
}

TEST(RunFolderOwnership, ALastCheckpointWithoutTrainingStateIsNotResumed) {
    data::testing::TempFolder folder;
    const auto run = folder.path() / "run";
    TrainingControl control;
    AutoencoderTrainer(resumableAutoencoder().epochs(1), smallData(), run).run({}, control);
    // A last.pt as versions before resume wrote it: weights only.
    auto model = models::Autoencoder(
        models::AutoencoderOptions().decoder(models::DecoderKind::Mirror).codeSize(2));
    saveCheckpoint(run / "last.pt", *model, readCheckpointInfo(run / "last.pt"));
    try {
        AutoencoderTrainer(resumableAutoencoder(), smallData(), run, RunFolderUse::Resume).run({}, control);
        FAIL() << "resumed without a training state";
    } catch (const CheckpointError& e) {
        EXPECT_NE(std::string(e.what()).find("no training state"), std::string::npos) << e.what();
    }
}

TEST(TrainingLoop, APauseIsNotTrainingTime) {
    // The loop reads a clock of the test's own: 1 ms per reading, and 1000 s across the wait that
    // follows the pause (the pause is lifted as that wait begins, so nothing sleeps). Seconds per
    // epoch count the training, not the pause (they doubled after a pause in the GUI).
    TrainingControl control;
    LineSteps steps(control);
    Clock::time_point time{};
    bool waitBegun = false;
    LoopSettings settings;
    settings.epochs = 2;
    settings.batchSize = 4;
    settings.clock = [&] {
        if (waitBegun) {
            waitBegun = false;
            time += std::chrono::seconds(1000);
        } else if (control.pauseRequested()) {
            control.resume();
            waitBegun = true;
        }
        time += std::chrono::milliseconds(1);
        return time;
    };
    const LoopResult result = runTrainingLoop(steps, settings, control);
    ASSERT_EQ(result.status, TrainingResult::Status::Finished);
    EXPECT_EQ(result.epochsRun, 2);
    EXPECT_FALSE(control.pauseRequested());       // the pause was seen
    EXPECT_LT(result.secondsPerEpoch, 1.0);       // 500 s with the pause counted
}

TEST(TrainingLoop, Bf16RunsAreRecordedDeterministicAndResumeBitForBit) {
    // The same resume as the FP32 test, under bf16 autocast: per precision, a run is reproducible.
    data::testing::TempFolder folder;
    const auto options = resumableAutoencoder().precision(Precision::Bf16);
    TrainingControl straightControl;
    AutoencoderTrainer straight(options, smallData(), folder.path() / "straight");
    ASSERT_EQ(straight.run({}, straightControl).status, TrainingResult::Status::Finished);
    EXPECT_EQ(track::RunFolder::open(folder.path() / "straight").readConfig().at("precision"), "bf16");

    TrainingControl control;
    AutoencoderTrainer first(options, smallData(), folder.path() / "resumed");
    ASSERT_EQ(first.run({.onEpoch = CancelAfter{1, control}}, control).status,
              TrainingResult::Status::Cancelled);
    // Another precision would not continue the same run: refused, naming the setting.
    TrainingControl refusedControl;
    AutoencoderTrainer fp32(resumableAutoencoder(), smallData(), folder.path() / "resumed",
                            RunFolderUse::Resume);
    try {
        fp32.run({}, refusedControl);
        ADD_FAILURE() << "an fp32 resume of a bf16 run was accepted";
    } catch (const track::TrackError& e) {
        EXPECT_NE(std::string(e.what()).find("precision \"fp32\""), std::string::npos) << e.what();
    }
    TrainingControl again;
    AutoencoderTrainer second(options, smallData(), folder.path() / "resumed", RunFolderUse::Resume);
    ASSERT_EQ(second.run({}, again).status, TrainingResult::Status::Finished);
    expectSameParameters(*straight.model(), *second.model());

    // And bf16 changes the numbers: an FP32 run from the same seed ends elsewhere.
    TrainingControl fp32Control;
    AutoencoderTrainer reference(resumableAutoencoder(), smallData(), std::nullopt);
    reference.run({}, fp32Control);
    EXPECT_FALSE(torch::equal(straight.model()->parameters().front(),
                              reference.model()->parameters().front()));
}

// A convolution the loop trains: it sees its weight channels-last in every batch (and in the
// evaluation), and the loop hands it back, and stores it, in the default layout.
class ConvolutionSteps : public TrainingSteps {
public:
    torch::nn::Module& model() override { return *conv_; }
    CheckpointInfo checkpointInfo() const override { return {"conv", "conv", 1, 0, 0.0}; }
    std::vector<torch::Tensor> parameters() override { return conv_->parameters(); }
    std::int64_t examples() const override { return x_.size(0); }
    torch::Tensor batchLoss(const torch::Tensor& positions) override {
        channelsLastInEveryBatch_ = channelsLastInEveryBatch_ && channelsLast();
        return conv_->forward(x_.index_select(0, positions)).pow(2).mean();
    }
    std::optional<EpochRecord> evaluate(int, const TrainingControl&) override {
        channelsLastInEveryBatch_ = channelsLastInEveryBatch_ && channelsLast();
        return EpochRecord{};
    }
    bool channelsLastInEveryBatch() const { return channelsLastInEveryBatch_; }

private:
    bool channelsLast() const {
        return conv_->weight.strides().vec() == std::vector<std::int64_t>{9, 1, 3, 1};
    }
    torch::nn::Conv2d conv_{torch::nn::Conv2dOptions(1, 4, 3)};
    torch::Tensor x_ = torch::rand({8, 1, 6, 6});
    bool channelsLastInEveryBatch_ = true;
};

TEST(TrainingLoop, ConvolutionsTrainChannelsLastAndTheModelAndItsCheckpointsComeBackInTheDefaultLayout) {
    data::testing::TempFolder folder;
    ConvolutionSteps steps;
    TrainingControl control;
    LoopSettings settings;
    settings.epochs = 2;
    settings.batchSize = 4;
    settings.runFolder = folder.path() / "conv";
    settings.config = {{"kind", "conv"}};
    ASSERT_EQ(runTrainingLoop(steps, settings, control).status, TrainingResult::Status::Finished);
    EXPECT_TRUE(steps.channelsLastInEveryBatch());
    const torch::Tensor weight = steps.model().named_parameters()["weight"];
    EXPECT_EQ(weight.strides().vec(), (std::vector<std::int64_t>{9, 9, 3, 1}));
    for (const auto& checkpoint : {"best.pt", "last.pt"}) {
        torch::serialize::InputArchive archive;
        archive.load_from((folder.path() / "conv" / checkpoint).string());
        torch::serialize::InputArchive model;
        ASSERT_TRUE(archive.try_read("model", model)) << checkpoint;
        torch::Tensor stored;
        model.read("weight", stored);
        EXPECT_EQ(stored.strides().vec(), (std::vector<std::int64_t>{9, 9, 3, 1})) << checkpoint;
        // last.pt holds the weights the loop ended with (best.pt those of epoch 1).
        if (std::string(checkpoint) == "last.pt") EXPECT_TRUE(torch::equal(stored, weight));
    }
}

}  // namespace
}  // namespace learn2add::train
