#pragma once
// What a training loop reports, as plain values (no tensors), safe to copy to another thread.

#include <cstdint>
#include <string>
#include <vector>

namespace learn2add::train {

struct BatchReport {
    int epoch = 0;            // 1-based
    int epochs = 0;
    int batch = 0;            // 1-based within the epoch
    int batchesPerEpoch = 0;
    double loss = 0.0;        // this batch's training loss
    double elapsedSeconds = 0.0;
    double etaSeconds = 0.0;  // estimate for the whole run
};

// Grey images as bytes, row-major, `count` images of size x size.
struct ImageStrip {
    int count = 0;
    int size = 0;
    std::vector<std::uint8_t> pixels;
};

struct EpochReport {
    int epoch = 0;  // 1-based
    int epochs = 0;
    double trainLoss = 0.0;        // mean loss over the epoch's batches
    double validationLoss = 0.0;
    double trainRmse = 0.0;        // per pixel, at 32x32, over the train split (eval mode)
    double validationRmse = 0.0;   // per pixel, at 32x32, over the validation split
    double seconds = 0.0;          // wall time of the epoch (training + evaluation)
    double imagesPerSecond = 0.0;  // training throughput
    bool improved = false;         // this epoch is the new best (lowest validation loss)
    int bestEpoch = 0;
    double bestValidationRmse = 0.0;
    ImageStrip inputs;             // the 5 fixed validation digits (32x32)
    ImageStrip reconstructions;    // their reconstructions (32x32)
    // Validation codes when the code has 2 dimensions (x0, y0, x1, y1, ...) and their digits.
    std::vector<float> codes2d;
    std::vector<std::uint8_t> codeLabels;
};

struct TrainingResult {
    enum class Status { Finished, Cancelled, EarlyStopped, Diverged };
    Status status = Status::Finished;
    std::string message;  // for Diverged: what happened, in words
    int epochsRun = 0;
    int bestEpoch = 0;
    double bestValidationRmse = 0.0;
    double finalTrainRmse = 0.0;
    double secondsPerEpoch = 0.0;
    double imagesPerSecond = 0.0;
};

const char* toString(TrainingResult::Status status);

}  // namespace learn2add::train
