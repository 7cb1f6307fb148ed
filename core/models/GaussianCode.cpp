#include "models/GaussianCode.h"

#include <torch/torch.h>

namespace learn2add::models {

torch::Tensor reparameterize(const GaussianCode& q, std::optional<at::Generator> generator) {
    // A seeded draw (the views' and the CLI's samples) is FP32 whatever the mean's type: under
    // bf16 autocast LibTorch would draw bf16 noise from 256-level uniforms (|z| never above 3.3),
    // and the window's samples would not be the CLI's rounded.
    const torch::Tensor noise =
        generator ? torch::randn(q.mean.sizes(), *generator, q.mean.options().dtype(torch::kFloat32))
                  : torch::randn_like(q.mean);
    return q.mean + torch::exp(0.5 * q.logVariance) * noise;
}

torch::Tensor klToStandardNormal(const GaussianCode& q) {
    return 0.5 * (q.mean.pow(2) + q.logVariance.exp() - 1.0 - q.logVariance).sum(1);
}

torch::Tensor gaussianNegativeLogLikelihood(const GaussianCode& q, const torch::Tensor& target) {
    return 0.5 * (q.logVariance + (target - q.mean).pow(2) * torch::exp(-q.logVariance)).sum(1);
}

}  // namespace learn2add::models
