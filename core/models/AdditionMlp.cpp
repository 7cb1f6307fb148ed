#include "models/AdditionMlp.h"

#include <torch/nn/functional/activation.h>

#include <optional>
#include <string>

#include "common/Precision.h"

namespace learn2add::models {

AdditionMlpImpl::AdditionMlpImpl(const AdditionMlpOptions& options) : options(options) {
    reset();
}

void AdditionMlpImpl::reset() {
    TORCH_CHECK(options.codeSize() >= 1, "AdditionMlpOptions: codeSize must be at least 1, got ",
                options.codeSize());
    std::int64_t in = options.codeSize() + 1;
    for (std::size_t layer = 0; layer < hidden_.size(); ++layer) {
        hidden_[layer] = register_module("hidden" + std::to_string(layer + 1),
                                         torch::nn::Linear(in, kHiddenWidths[layer]));
        in = kHiddenWidths[layer];
    }
    output_ = register_module("output", torch::nn::Linear(in, options.codeSize()));
    outputLogVariance_ = nullptr;
    if (options.generative()) {
        outputLogVariance_ =
            register_module("output_log_variance", torch::nn::Linear(in, options.codeSize()));
    }
}

torch::Tensor AdditionMlpImpl::forward(const torch::Tensor& code, const torch::Tensor& addend) {
    std::optional<Fp32Scope> exact;
    if (!is_training()) exact.emplace();
    return output_->forward(hidden(code, addend));
}

GaussianCode AdditionMlpImpl::forwardGaussian(const torch::Tensor& code, const torch::Tensor& addend) {
    TORCH_CHECK(options.generative(), "AdditionMlp: forwardGaussian() needs a generative P");
    std::optional<Fp32Scope> exact;
    if (!is_training()) exact.emplace();
    const torch::Tensor h = hidden(code, addend);
    return {output_->forward(h), outputLogVariance_->forward(h)};
}

torch::Tensor AdditionMlpImpl::hidden(const torch::Tensor& code, const torch::Tensor& addend) {
    TORCH_CHECK(code.dim() == 2 && code.size(1) == options.codeSize(),
                "AdditionMlp: expected a code of shape [N, ", options.codeSize(), "], got ",
                code.sizes());
    // In eval mode (forward() turns autocast off then) the whole of P runs in FP32.
    const torch::Tensor c = is_training() ? code : code.to(torch::kFloat32);
    const torch::Tensor u = addend.reshape({-1, 1}).to(c.dtype());
    TORCH_CHECK(u.size(0) == code.size(0), "AdditionMlp: ", code.size(0), " codes but ", u.size(0),
                " addends");
    torch::Tensor x = torch::cat({c, u}, 1);
    for (auto& layer : hidden_) x = torch::relu(layer->forward(x));
    return x;
}

}  // namespace learn2add::models
