#pragma once
// Training the judge (models/DigitJudge.h): a digit classifier on the train split, with random
// shifts of up to 2 pixels, cross-entropy, Adam. The epoch with the best validation accuracy is
// kept (best.pt); the result quotes its accuracy on the test split, which training never sees.
//
//   JudgeTrainer trainer(JudgeTrainingOptions().epochs(8), data, "runs/judge");
//   JudgeTrainingResult result = trainer.run(callbacks, control);   // result.testAccuracy
//
// Threads, determinism and errors as in AutoencoderTrainer.h.

#include <torch/arg.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/Precision.h"
#include "data/MnistData.h"
#include "models/DigitJudge.h"
#include "track/RunFolder.h"
#include "train/TrainingControl.h"
#include "train/TrainingReports.h"

namespace learn2add::train {

struct JudgeTrainingOptions {
    TORCH_ARG(int, epochs) = 8;
    TORCH_ARG(int, batchSize) = 128;
    TORCH_ARG(double, learningRate) = 1e-3;
    TORCH_ARG(std::uint64_t, seed) = 42;
    TORCH_ARG(int, threads) = 2;
    TORCH_ARG(Precision, precision) = Precision::Fp32;  // of the training step
    TORCH_ARG(int, maxShift) = 2;            // random shift in pixels, each way; 0: none
    TORCH_ARG(int, maxBatchesPerEpoch) = 0;  // 0: the whole train split

public:
    void validate() const;  // throws std::invalid_argument naming the field
};

struct JudgeEpochReport {
    int epoch = 0;
    int epochs = 0;
    double trainLoss = 0.0;
    double trainAccuracy = 0.0;
    double validationAccuracy = 0.0;
    double seconds = 0.0;
    double imagesPerSecond = 0.0;
    bool improved = false;
};

struct JudgeTrainingResult {
    TrainingResult::Status status = TrainingResult::Status::Finished;
    std::string message;
    int epochsRun = 0;
    int bestEpoch = 0;
    double validationAccuracy = 0.0;  // of the best epoch
    double testAccuracy = 0.0;        // of the best epoch's weights, on the test split
    double secondsPerEpoch = 0.0;
    double imagesPerSecond = 0.0;
};

struct JudgeTrainingCallbacks {
    std::function<void(const BatchReport&)> onBatch;
    std::function<void(const JudgeEpochReport&)> onEpoch;
};

class JudgeTrainer {
public:
    // `use`: a new run, or resume / replace the run the folder holds (see TrainingLoop.h).
    JudgeTrainer(JudgeTrainingOptions options, std::shared_ptr<const data::MnistData> data,
                 std::optional<std::filesystem::path> runFolder = std::nullopt,
                 track::RunFolderUse use = track::RunFolderUse::New);

    JudgeTrainingResult run(const JudgeTrainingCallbacks& callbacks, TrainingControl& control);

    // The best epoch's weights once run() returned.
    models::DigitJudge model() const { return model_; }

private:
    JudgeTrainingOptions options_;
    std::shared_ptr<const data::MnistData> data_;
    std::optional<std::filesystem::path> runFolder_;
    track::RunFolderUse use_;
    models::DigitJudge model_{nullptr};
};

// Share of images the judge reads as their label (eval mode, batches of 250).
double judgeAccuracy(models::DigitJudge& judge, const torch::Tensor& images32,
                     const torch::Tensor& labels);

nlohmann::json judgeRunConfig(const JudgeTrainingOptions& options, const data::MnistData& data);

}  // namespace learn2add::train
