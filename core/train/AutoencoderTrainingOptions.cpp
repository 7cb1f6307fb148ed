#include "train/AutoencoderTrainingOptions.h"

#include <cmath>
#include <stdexcept>

#include "train/TrainingLimits.h"

namespace learn2add::train {

const char* toString(ReconstructionLoss loss) { return loss == ReconstructionLoss::L2 ? "l2" : "bce"; }

ReconstructionLoss reconstructionLossFromString(const std::string& name) {
    if (name == "l2" || name == "mse") return ReconstructionLoss::L2;
    if (name == "bce") return ReconstructionLoss::Bce;
    throw std::invalid_argument("unknown loss '" + name + "'; use l2 or bce");
}

void AutoencoderTrainingOptions::validate() const {
    const auto fail = [](const std::string& message) { throw std::invalid_argument(message); };
    if (codeSize() < 1 || codeSize() > 1024) {
        fail("code size must be between 1 and 1024 (the assignment uses 2 and 7), got " +
             std::to_string(codeSize()));
    }
    if (epochs() < 1 || epochs() > 100000) fail("epochs must be between 1 and 100000, got " + std::to_string(epochs()));
    if (batchSize() < 1 || batchSize() > kMaxBatchSize) {
        fail("batch size must be between 1 and " + std::to_string(kMaxBatchSize) + ", got " +
             std::to_string(batchSize()));
    }
    if (!std::isfinite(learningRate()) || learningRate() <= 0.0 || learningRate() > 10.0) {
        fail("learning rate must be a finite number in (0, 10], got " + std::to_string(learningRate()));
    }
    if (threads() < 1 || threads() > 256) fail("threads must be between 1 and 256, got " + std::to_string(threads()));
    if (maxBatchesPerEpoch() < 0) fail("max batches per epoch must be >= 0 (0 = all), got " + std::to_string(maxBatchesPerEpoch()));
    if (earlyStoppingPatience() < 0) fail("early-stopping patience must be >= 0 (0 = off), got " + std::to_string(earlyStoppingPatience()));
}

}  // namespace learn2add::train
