#pragma once
// The training loop of ASSIGNMENT.md Part II: an autoencoder trained with Adam on the train split,
// RMSE per pixel on train and validation every epoch, best-epoch selection, checkpoints, metrics and
// TensorBoard events in a run folder.
//
//   auto data = std::make_shared<const data::MnistData>(data::loadEmbeddedMnist(42));
//   AutoencoderTrainer trainer(AutoencoderTrainingOptions().epochs(10), data, "runs/ae");
//   TrainingControl control;                       // pause / resume / cancel from any thread
//   TrainingResult result = trainer.run({.onEpoch = [](const EpochReport& r) { ... }}, control);
//
// Threads: run() blocks and must be called from one thread (a worker); callbacks run on that thread
// between batches, so they must be quick (copy the report and return). It sets LibTorch's intra-op
// thread count to options.threads().
//
// Determinism: run() seeds LibTorch (initial weights) with options.seed(), shuffles every epoch with
// a portable seeded shuffle (common/SeededShuffle.h), and uses a fixed thread count, so the same
// options, data and thread count give bit-identical weights on the CPU.
//
// Errors: invalid options throw std::invalid_argument before anything is written; an unwritable,
// taken or conflicting run folder throws track::TrackError; a full disk while saving throws
// CheckpointError or TrackError. A loss that becomes NaN or infinite ends the run with status
// Diverged (best.pt is kept). The epochs, checkpoints, metrics and resume are the shared loop's
// (TrainingLoop.h).

#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "data/MnistData.h"
#include "models/Autoencoder.h"
#include "track/RunFolder.h"
#include "train/AutoencoderTrainingOptions.h"
#include "train/TrainingControl.h"
#include "train/TrainingReports.h"

namespace learn2add::train {

struct TrainingCallbacks {
    std::function<void(const BatchReport&)> onBatch;
    std::function<void(const EpochReport&)> onEpoch;
};

class AutoencoderTrainer {
public:
    // `runFolder`: where config.json, metrics.csv, best.pt, last.pt and the event file go; nothing
    // is written when it is empty. `use`: a new run, or resume / replace the run it holds (see
    // TrainingLoop.h).
    AutoencoderTrainer(AutoencoderTrainingOptions options, std::shared_ptr<const data::MnistData> data,
                       std::optional<std::filesystem::path> runFolder = std::nullopt,
                       track::RunFolderUse use = track::RunFolderUse::New);

    TrainingResult run(const TrainingCallbacks& callbacks, TrainingControl& control);

    // The model being trained (its latest weights); valid after run() started.
    models::Autoencoder model() const { return model_; }
    const AutoencoderTrainingOptions& options() const { return options_; }

private:
    AutoencoderTrainingOptions options_;
    std::shared_ptr<const data::MnistData> data_;
    std::optional<std::filesystem::path> runFolder_;
    track::RunFolderUse use_;
    models::Autoencoder model_{nullptr};
};

// The config.json of an autoencoder run: options, data origin and versions (enough to rerun).
nlohmann::json autoencoderRunConfig(const AutoencoderTrainingOptions& options, const data::MnistData& data);

}  // namespace learn2add::train
