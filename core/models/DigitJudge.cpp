#include "models/DigitJudge.h"

#include <torch/nn/functional/pooling.h>
#include <torch/torch.h>

#include <string>

#include "models/Initialization.h"
#include "models/MaxPooling.h"

namespace learn2add::models {

namespace {
constexpr std::array<std::int64_t, 4> kJudgeChannels = {32, 32, 64, 64};
constexpr std::int64_t kHidden = 128;
constexpr double kDropout = 0.3;
}  // namespace

DigitJudgeImpl::DigitJudgeImpl() { reset(); }

void DigitJudgeImpl::reset() {
    std::int64_t in = 1;
    for (std::size_t i = 0; i < convs_.size(); ++i) {
        convs_[i] = register_module(
            "conv" + std::to_string(i + 1),
            torch::nn::Conv2d(torch::nn::Conv2dOptions(in, kJudgeChannels[i], 3).padding(1)));
        heInitialize(*convs_[i]);
        in = kJudgeChannels[i];
    }
    const std::int64_t side = kImageSize / 4;
    hidden_ = register_module("hidden", torch::nn::Linear(in * side * side, kHidden));
    dropout_ = register_module("dropout", torch::nn::Dropout(kDropout));
    output_ = register_module("output", torch::nn::Linear(kHidden, kClasses));
}

torch::Tensor DigitJudgeImpl::forward(const torch::Tensor& images) {
    TORCH_CHECK(images.dim() == 4 && images.size(1) == 1 && images.size(2) == kImageSize &&
                    images.size(3) == kImageSize,
                "DigitJudge: expected images of shape [N, 1, 32, 32], got ", images.sizes());
    torch::Tensor x = images;
    for (std::size_t i = 0; i < convs_.size(); ++i) {
        x = torch::relu(convs_[i]->forward(x));
        if (i % 2 == 1) x = maxPool2x2(x);
    }
    x = torch::relu(hidden_->forward(x.flatten(1)));
    return output_->forward(dropout_->forward(x));
}

torch::Tensor DigitJudgeImpl::predict(const torch::Tensor& images) {
    torch::NoGradGuard noGrad;
    return forward(images).argmax(1);
}

torch::Tensor DigitJudgeImpl::probabilities(const torch::Tensor& images) {
    torch::NoGradGuard noGrad;
    // FP32 whatever the forward pass ran in (bf16 under autocast): callers read floats.
    return torch::softmax(forward(images).to(torch::kFloat32), 1);
}

}  // namespace learn2add::models
