#pragma once
// How long a planned training will take on this machine, from a short calibration: the request's
// own trainer runs one epoch of a few batches (nothing written), timed at its batches, and the
// result is extrapolated to the whole run.
//
//   RunTimings timings = calibrateRun(request, data, control);       // a few seconds
//   double seconds = estimateSeconds(timings, request, *data, 100);   // 100 epochs left
//
// The estimate counts, per epoch, the batches of a full epoch at the measured seconds per batch
// plus the measured evaluation; once, the preparation, and each warm-up stage's steps at its
// measured seconds per step.
// Runs on the calling thread, with the request's thread count.

#include <memory>
#include <string>
#include <vector>

#include "data/MnistData.h"
#include "train/TrainingControl.h"
#include "train/TrainingRequest.h"

namespace learn2add::train {

inline constexpr int kCalibrationBatches = 4;

struct RunTimings {
    // Before the first batch, less the warm-ups: the model, the data tensors, the codes.
    double prepareSeconds = 0.0;
    double secondsPerBatch = 0.0;    // a training step, batches 2.. of the calibration
    double evaluationSeconds = 0.0;  // after the last batch to the epoch's end
    int batches = 0;                 // the calibration's batches
    struct Warmup {                  // a warm-up stage of the addition recipes
        double secondsPerStep = 0.0;
        int passes = 0;
        std::int64_t stepsPerPass = 0;  // without a bound on the batches
    };
    std::vector<Warmup> warmups;
};

RunTimings calibrateRun(const TrainingRequest& request, std::shared_ptr<const data::MnistData> data,
                        TrainingControl& control);

double estimateSeconds(const RunTimings& timings, const TrainingRequest& request,
                       const data::MnistData& data, int epochsLeft, bool fresh);

// Requests that cost the same per batch share a calibration: same kind, decoder and recipe.
std::string calibrationKey(const TrainingRequest& request);

}  // namespace learn2add::train
