#pragma once
// One training of any kind as a value: the options say which trainer (autoencoder, judge or
// addition model) and with what settings. A plan of many trainings (train/AssignmentPlan.h) is a
// list of them; runTrainingRequest() runs one with the trainer of its kind, through the one
// training loop (train/TrainingLoop.h).
//
//   TrainingRequest request = AutoencoderTrainingOptions().decoder(DecoderKind::Mirror).epochs(5);
//   RequestResult result = runTrainingRequest(request, data, "runs/ae", RunFolderUse::New, callbacks, control);

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "data/MnistData.h"
#include "track/RunFolder.h"
#include "train/AdditionTrainer.h"
#include "train/AdditionTrainingOptions.h"
#include "train/AutoencoderTrainingOptions.h"
#include "train/JudgeTrainer.h"
#include "train/TrainingControl.h"
#include "train/TrainingReports.h"

namespace learn2add::train {

using TrainingRequest =
    std::variant<AutoencoderTrainingOptions, JudgeTrainingOptions, AdditionTrainingOptions>;

int epochsOf(const TrainingRequest& request);
int batchesPerEpochOf(const TrainingRequest& request, std::int64_t examples);  // maxBatches honoured
void setEpochs(TrainingRequest& request, int epochs);
void setMaxBatchesPerEpoch(TrainingRequest& request, int batches);
void setThreads(TrainingRequest& request, int threads);
// The run kind its config.json will name ("autoencoder", "judge", "addition", "vae-addition", ...).
std::string kindOf(const TrainingRequest& request);
// The training examples of an epoch: images (autoencoder, judge) or pairs (addition).
std::int64_t examplesPerEpoch(const TrainingRequest& request, const data::MnistData& data);

// An epoch as any trainer reports it, with its numbers in words ("val RMSE 0.1234").
struct RequestEpoch {
    int epoch = 0;
    int epochs = 0;
    double seconds = 0.0;
    bool improved = false;
    std::string numbers;
};

struct RequestCallbacks {
    std::function<void(const WarmupReport&)> onWarmup;  // addition models: one per warm-up stage
    std::function<void(const BatchReport&)> onBatch;
    std::function<void(const RequestEpoch&)> onEpoch;
};

struct RequestResult {
    TrainingResult::Status status = TrainingResult::Status::Finished;
    std::string message;
    int epochsRun = 0;
    int bestEpoch = 0;
    double secondsPerEpoch = 0.0;  // this session's
};

// Runs the trainer of the request's kind (see its header for threads and errors). `runFolder`
// empty: nothing is written.
RequestResult runTrainingRequest(const TrainingRequest& request, std::shared_ptr<const data::MnistData> data,
                                 std::optional<std::filesystem::path> runFolder, track::RunFolderUse use,
                                 const RequestCallbacks& callbacks, TrainingControl& control);

}  // namespace learn2add::train
