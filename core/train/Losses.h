#pragma once
// Reconstruction losses and the RMSE metric of ASSIGNMENT.md Part II.

#include <torch/types.h>

#include "train/AutoencoderTrainingOptions.h"

namespace learn2add::train {

// Mean over all pixels: squared error (L2) or binary cross-entropy against the target intensities
// (valid because MNIST pixels are in [0, 1] and the decoder ends in a sigmoid).
torch::Tensor reconstructionLoss(const torch::Tensor& output, const torch::Tensor& target,
                                 ReconstructionLoss loss);

// Sum of squared errors at 32x32 (a 64x64 output is averaged 2x2 down first) and the number of
// pixels compared, so RMSE over many batches is sqrt(sum / count).
struct SquaredError {
    double sum = 0.0;
    double count = 0.0;
    void add(const torch::Tensor& output, const torch::Tensor& target32);
    double rmse() const;
};

}  // namespace learn2add::train
