#include "models/Encoder.h"

#include <torch/nn/functional/pooling.h>

#include <string>

#include "models/Initialization.h"
#include "models/MaxPooling.h"

namespace learn2add::models {

bool isSupportedImageSize(std::int64_t imageSize) {
    return imageSize == 32 || imageSize == 64;
}

EncoderImpl::EncoderImpl(const EncoderOptions& options) : options(options) {
    reset();
}

void EncoderImpl::reset() {
    TORCH_CHECK(options.codeSize() >= 1,
                "EncoderOptions: codeSize must be at least 1 (the assignment uses 2 and 7), got ",
                options.codeSize());
    TORCH_CHECK(
        isSupportedImageSize(options.imageSize()),
        "EncoderOptions: imageSize must be 32 or 64 (64 only for the resize64 decoder), got ",
        options.imageSize());

    std::int64_t inChannels = 1;
    for (int stage = 0; stage < kPoolingStages; ++stage) {
        const std::int64_t outChannels = kStageChannels[stage];
        convs_[stage] = register_module(
            "conv" + std::to_string(stage + 1),
            torch::nn::Conv2d(torch::nn::Conv2dOptions(inChannels, outChannels, 3).padding(1)));
        heInitialize(*convs_[stage]);
        inChannels = outChannels;
    }
    const std::int64_t side = options.imageSize() / 8;
    hidden_ = register_module("hidden", torch::nn::Linear(inChannels * side * side, kHiddenWidth));
    toCode_ = register_module("to_code", torch::nn::Linear(kHiddenWidth, options.codeSize()));
    toLogVariance_ = nullptr;
    if (options.variational()) {
        toLogVariance_ = register_module("to_log_variance",
                                         torch::nn::Linear(kHiddenWidth, options.codeSize()));
    }
}

void EncoderImpl::checkImages(const torch::Tensor& images) const {
    const std::int64_t s = options.imageSize();
    TORCH_CHECK(
        images.dim() == 4 && images.size(1) == 1 && images.size(2) == s && images.size(3) == s,
        "Encoder: expected images of shape [N, 1, ", s, ", ", s, "], got ", images.sizes());
}

torch::Tensor EncoderImpl::head(const torch::Tensor& features) {
    // "MLP (256), Linear" then "MLP (code), Linear": no activation in between (see the header).
    return toCode_->forward(hidden_->forward(features.flatten(1)));
}

torch::Tensor EncoderImpl::features(const torch::Tensor& images, std::vector<torch::Tensor>* stages) {
    checkImages(images);
    torch::Tensor x = images;
    for (auto& conv : convs_) {
        x = torch::relu(conv->forward(x));
        if (stages) stages->push_back(x);
        x = maxPool2x2(x);
    }
    return x;
}

torch::Tensor EncoderImpl::forwardWithStages(const torch::Tensor& images, std::vector<torch::Tensor>& stages) {
    return head(features(images, &stages));
}

torch::Tensor EncoderImpl::forward(const torch::Tensor& images) {
    return head(features(images));
}

GaussianCode EncoderImpl::forwardGaussian(const torch::Tensor& images) {
    TORCH_CHECK(options.variational(), "Encoder: forwardGaussian() needs a variational encoder");
    const torch::Tensor hidden = hidden_->forward(features(images).flatten(1));
    return {toCode_->forward(hidden), toLogVariance_->forward(hidden)};
}

CodeAndIndices EncoderImpl::forwardWithIndices(const torch::Tensor& images) {
    checkImages(images);
    CodeAndIndices result;
    torch::Tensor x = images;
    for (int stage = 0; stage < kPoolingStages; ++stage) {
        x = torch::relu(convs_[stage]->forward(x));
        result.pooling.inputSizes[stage] = {x.size(2), x.size(3)};
        auto [pooled, indices] = torch::max_pool2d_with_indices(x, {2, 2}, {2, 2});
        result.pooling.indices[stage] = indices;
        x = pooled;
    }
    result.code = head(x);
    return result;
}

void EncoderImpl::pretty_print(std::ostream& stream) const {
    stream << "learn2add::models::Encoder(codeSize=" << options.codeSize()
           << ", imageSize=" << options.imageSize()
           << (options.variational() ? ", variational" : "") << ")";
}

}  // namespace learn2add::models
