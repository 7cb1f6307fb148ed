#pragma once
// A diagonal Gaussian over codes, as the variational encoder and the generative P output it, and
// the operations Part IV needs on it.
//
//   GaussianCode q = encoder->forwardGaussian(images);
//   torch::Tensor z = reparameterize(q);                 // mean + exp(logVariance / 2) * noise
//   torch::Tensor kl = klToStandardNormal(q);            // per row, summed over the code
//
// Pure functions on tensors; the noise comes from the given generator or LibTorch's global one.

#include <torch/types.h>

#include <optional>

namespace learn2add::models {

struct GaussianCode {
    torch::Tensor mean;         // [N, codeSize]
    torch::Tensor logVariance;  // [N, codeSize]
};

// The reparameterization trick: mean + sigma * eps, eps ~ N(0, I); gradients reach mean and
// logVariance. With a generator, eps is drawn from it (reproducible sampling).
torch::Tensor reparameterize(const GaussianCode& q,
                             std::optional<at::Generator> generator = std::nullopt);

// KL(N(mean, exp(logVariance)) || N(0, I)) per row, summed over the code's dimensions: [N].
//   0.5 * sum(mean^2 + exp(logVariance) - 1 - logVariance)
torch::Tensor klToStandardNormal(const GaussianCode& q);

// The negative log-likelihood of `target` under q per row, summed over the code, without the
// constant 0.5 * log(2 pi) per dimension: 0.5 * sum(logVariance + (target - mean)^2 / variance). [N]
torch::Tensor gaussianNegativeLogLikelihood(const GaussianCode& q, const torch::Tensor& target);

}  // namespace learn2add::models
