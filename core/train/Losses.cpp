#include "train/Losses.h"

#include <torch/torch.h>

#include <cmath>

#include "models/Resize64Decoder.h"

namespace learn2add::train {

torch::Tensor reconstructionLoss(const torch::Tensor& output, const torch::Tensor& target,
                                 ReconstructionLoss loss) {
    if (loss == ReconstructionLoss::Bce) return torch::binary_cross_entropy(output, target);
    return torch::mse_loss(output, target);
}

void SquaredError::add(const torch::Tensor& output, const torch::Tensor& target32) {
    torch::NoGradGuard noGrad;
    const torch::Tensor at32 = output.size(-1) == target32.size(-1)
                                   ? output
                                   : models::resizeForEvaluation(output);
    sum += (at32 - target32).pow(2).sum().item<double>();
    count += static_cast<double>(target32.numel());
}

double SquaredError::rmse() const { return count > 0 ? std::sqrt(sum / count) : 0.0; }

}  // namespace learn2add::train
