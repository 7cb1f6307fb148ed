#pragma once
// The one training loop of every model (autoencoder, judge, addition): epochs of shuffled batches,
// pause and cancel between batches, a loss that turns NaN or infinite, the evaluation after each
// epoch, best.pt and last.pt, metrics.csv, TensorBoard events, early stopping, the run's status in
// config.json, and resume. A model plugs in its steps (TrainingSteps); its trainer builds the
// model and the data tensors, and turns the steps' numbers into its typed reports.
//
//   MySteps steps(...);                                   // implements TrainingSteps
//   LoopResult result = runTrainingLoop(steps, settings, control);
//
// Run folder (settings.runFolder; nothing is written without one): claimed with the ownership
// rules of track/RunFolder.h (settings.use). Per epoch, in this order: metrics.csv gets its row,
// the events file its scalars and images, best.pt the weights when the epoch is the best so far,
// last.pt the weights and the training state, config.json the status. A process killed anywhere
// therefore leaves a last.pt that is at most one epoch behind metrics.csv; resuming drops the rows
// after last.pt's epoch and repeats that epoch.
//
// Resume (settings.use == Resume): last.pt gives the weights, the optimizer's state, LibTorch's
// CPU random generator, the loop's counters (epoch, best so far, epochs without improvement) and
// whatever the steps save (TrainingSteps::saveState); the warm-up (TrainingSteps::prepare) is not
// repeated. The epoch order depends only on (seed, epoch). So training N epochs, and training k,
// stopping (cancel or SIGKILL) and resuming to N give bit-identical weights with the same thread
// count. The settings in `config` must match the run's config.json except the ones that only say
// how long or how fast to train (epochs, threads, early-stopping patience); a conflict is refused
// naming the setting, before anything is written. A run stopped before its first epoch ended
// starts again from its seed.
//
// Threads: one thread (a worker) calls runTrainingLoop; TrainingControl may be used from any.
// Errors: TrackError / CheckpointError for the run folder (a full disk, a taken folder, a conflict).

#include <torch/optim/optimizer.h>
#include <torch/serialize/archive.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/Precision.h"
#include "track/RunFolder.h"
#include "train/EpochOrder.h"
#include "train/LearningRateSchedule.h"
#include "train/Checkpoint.h"
#include "train/TrainingControl.h"
#include "train/TrainingReports.h"

namespace learn2add::train {

struct LoopSettings {
    int epochs = 1;
    std::int64_t batchSize = 128;
    int maxBatchesPerEpoch = 0;     // 0: every batch
    int earlyStoppingPatience = 0;  // 0: off
    std::uint64_t seed = 42;        // of the epoch order
    double learningRate = 1e-3;     // Adam's
    LearningRateSchedule schedule = LearningRateSchedule::Constant;  // train/LearningRateSchedule.h
    // The training step's number format (common/Precision.h); recorded as config.json's
    // "precision", which a resume must keep.
    Precision precision = Precision::Fp32;
    // Where every time the loop reports is read (seconds per epoch, elapsed, ETA); pauses are left
    // out. Tests give a clock of their own.
    std::function<Clock::time_point()> clock = &Clock::now;
    // Where the run goes (none: nothing is written), how the folder is claimed, and the run's
    // config.json (kind and settings; the loop adds "status").
    std::optional<std::filesystem::path> runFolder;
    track::RunFolderUse use = track::RunFolderUse::New;
    nlohmann::json config;
    // Keep a best.pt even when no epoch ended (a run stopped early still opens, as untrained);
    // false for the judge, whose best.pt must always hold a trained judge.
    bool bestBeforeFirstEpoch = true;
    // The metrics.csv column of the training throughput ("images_per_second", "pairs_per_second").
    std::string throughputColumn = "images_per_second";
};

// What the steps' evaluation of an epoch gives the loop.
struct EpochRecord {
    double metric = 0.0;  // the selection metric: the best epoch has the lowest (or the highest)
    track::MetricsRow columns;  // metrics.csv, between "epoch" and the loop's own columns
    std::vector<std::pair<std::string, double>> scalars;  // TensorBoard scalars
    struct Image {
        std::string tag;
        int height = 0;
        int width = 0;
        std::vector<std::uint8_t> grey;  // row-major
    };
    std::vector<Image> images;
};

// What the loop knows of an epoch once it is recorded.
struct EpochSummary {
    int epoch = 0;
    int epochs = 0;
    bool improved = false;
    int bestEpoch = 0;
    double seconds = 0.0;          // the epoch's wall time (training + evaluation)
    double elapsedSeconds = 0.0;   // since the loop started (this session)
    double examplesPerSecond = 0.0;  // training throughput of the epoch
};

struct LoopResult {
    TrainingResult::Status status = TrainingResult::Status::Finished;
    std::string message;
    int epochsRun = 0;   // the last epoch that ended (counting epochs before a resume)
    int bestEpoch = 0;
    double bestMetric = 0.0;
    double secondsPerEpoch = 0.0;    // this session's
    double examplesPerSecond = 0.0;  // this session's training throughput
    bool resumed = false;            // continued from last.pt
};

// A model's part of the loop. The loop calls, in order: parameters(); on a fresh start prepare();
// per epoch beginEpoch(), per batch batchLoss() and afterStep(), then evaluate() and epochEnded();
// at the end finished().
class TrainingSteps {
public:
    virtual ~TrainingSteps() = default;

    // The module saved in best.pt and last.pt, and its tag.
    virtual torch::nn::Module& model() = 0;
    virtual CheckpointInfo checkpointInfo() const = 0;
    // What Adam trains (the model's parameters, and any helper the recipe trains with it).
    virtual std::vector<torch::Tensor> parameters() = 0;
    // Training examples, shuffled each epoch; batchLoss() gets positions into them.
    virtual std::int64_t examples() const = 0;
    // The metric's direction: the judge's accuracy is best when highest.
    virtual bool higherIsBetter() const { return false; }

    // Before the first epoch of a fresh run (warm-ups); not on resume. Stops early on a cancel.
    virtual void prepare(TrainingControl& /*control*/) {}
    virtual void beginEpoch(int /*epoch*/) {}
    // The forward pass of one batch; the loop checks the loss, then steps Adam.
    virtual torch::Tensor batchLoss(const torch::Tensor& positions) = 0;
    // After Adam's step: accumulate the epoch's numbers, report the batch.
    virtual void afterStep(const BatchReport& /*at*/, std::int64_t /*batchExamples*/) {}
    // The epoch's evaluation; nullopt when a cancel was seen during it (it takes seconds).
    virtual std::optional<EpochRecord> evaluate(int epoch, const TrainingControl& control) = 0;
    // The epoch is recorded (checkpoints, metrics): typed reports and callbacks.
    virtual void epochEnded(const EpochSummary& /*summary*/) {}

    // The loop ends (any status), before config.json gets the final status: e.g. the judge restores
    // its best weights and adds its test accuracy to the config.
    virtual void finished(const LoopResult& /*result*/, nlohmann::json& /*config*/) {}

    // What a resume needs beyond the weights, the optimizer and LibTorch's generator.
    virtual void saveState(torch::serialize::OutputArchive& /*archive*/) const {}
    virtual void loadState(torch::serialize::InputArchive& /*archive*/) {}
};

LoopResult runTrainingLoop(TrainingSteps& steps, const LoopSettings& settings,
                           TrainingControl& control);

// The loop's settings from a trainer's options (epochs, batch, seed, Adam's rate, early stopping
// where the options have it) and its run folder.
template <typename Options>
LoopSettings loopSettingsOf(const Options& options, std::optional<std::filesystem::path> runFolder,
                            track::RunFolderUse use, nlohmann::json config) {
    LoopSettings settings;
    settings.epochs = options.epochs();
    settings.batchSize = options.batchSize();
    settings.maxBatchesPerEpoch = options.maxBatchesPerEpoch();
    if constexpr (requires { options.earlyStoppingPatience(); }) {
        settings.earlyStoppingPatience = options.earlyStoppingPatience();
    }
    settings.seed = options.seed();
    settings.learningRate = options.learningRate();
    if constexpr (requires { options.learningRateSchedule(); }) {
        settings.schedule = options.learningRateSchedule();
    }
    settings.precision = options.precision();
    settings.runFolder = std::move(runFolder);
    settings.use = use;
    settings.config = std::move(config);
    return settings;
}

// The run's config.json "status" (see runTrainingLoop): "running", "finished", "cancelled",
// "cancelled before epoch 1", "stopped early", "diverged".
std::string statusOfRun(const nlohmann::json& config);

}  // namespace learn2add::train
