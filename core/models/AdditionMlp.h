#pragma once
// The code addition model P of ASSIGNMENT.md Part III.2: an MLP that reads an encoder code and the
// number to add, and outputs the code of the result.
//
//   using namespace learn2add::models;
//   AdditionMlp p(AdditionMlpOptions().codeSize(7));
//   torch::Tensor result = p->forward(code, addend);   // [N, 7], [N, 1] -> [N, 7]
//
// Architecture, parameter names in ():
//   input = concat(code, addend)                        [N, codeSize + 1]
//   (hidden1) Linear(codeSize + 1 -> 32), ReLU
//   (hidden2) Linear(32 -> 16), ReLU
//   (hidden3) Linear(16 -> 16), ReLU
//   (output)  Linear(16 -> codeSize), linear             [N, codeSize]
// The addend is a real number (7 + 1.5 is allowed); it enters unscaled, as in the assignment.
// In eval mode P runs in FP32 even under bf16 autocast (common/Precision.h: Fp32Scope): it is
// tiny, and bf16 would round a fractional addend to steps of 1/128 in [1, 2) and 1/16 in [8, 9]
// (8.00 to 8.06 would all draw the same image). Training keeps the run's precision.
//
// Generative (Part IV.3, options.generative): a second output layer (output_log_variance)
// Linear(16 -> codeSize) gives the log-variance of a Gaussian over the result code whose mean is
// (output)'s. forward() then returns the mean; forwardGaussian() both.
//
// Thread safety: as any torch::nn::Module (see Autoencoder.h).

#include <torch/arg.h>
#include <torch/nn/cloneable.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <array>
#include <cstdint>

#include "models/GaussianCode.h"

namespace learn2add::models {

struct AdditionMlpOptions {
    TORCH_ARG(std::int64_t, codeSize) = 7;  // >= 1, the encoder's code size
    TORCH_ARG(bool, generative) = false;    // also a log-variance output (see above)
};

class AdditionMlpImpl : public torch::nn::Cloneable<AdditionMlpImpl> {
public:
    static constexpr std::array<std::int64_t, 3> kHiddenWidths = {32, 16, 16};

    explicit AdditionMlpImpl(const AdditionMlpOptions& options = {});
    void reset() override;

    // code [N, codeSize], addend [N, 1] (or [N]) -> result code [N, codeSize].
    torch::Tensor forward(const torch::Tensor& code, const torch::Tensor& addend);

    // Generative P only: the Gaussian of the result code (mean = forward()).
    GaussianCode forwardGaussian(const torch::Tensor& code, const torch::Tensor& addend);

    AdditionMlpOptions options;

private:
    std::array<torch::nn::Linear, 3> hidden_{nullptr, nullptr, nullptr};
    torch::Tensor hidden(const torch::Tensor& code, const torch::Tensor& addend);

    torch::nn::Linear output_{nullptr};
    torch::nn::Linear outputLogVariance_{nullptr};  // generative only
};

TORCH_MODULE(AdditionMlp);

}  // namespace learn2add::models
