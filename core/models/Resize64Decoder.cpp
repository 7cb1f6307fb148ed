#include "models/Resize64Decoder.h"

#include <string>

#include "models/Encoder.h"
#include "models/Initialization.h"

namespace learn2add::models {

namespace {
// Channels after each upsampling stage; the first stage reads the Encoder's deepest 128 channels.
constexpr std::array<std::int64_t, 4> kResize64Channels = {64, 32, 32, 16};
constexpr std::int64_t kResize64StartSide = 4;  // 4 -> 8 -> 16 -> 32 -> 64
}  // namespace

torch::Tensor resizeForEvaluation(const torch::Tensor& images) {
    TORCH_CHECK(
        images.dim() == 4 && images.size(2) == images.size(3) &&
            (images.size(2) == kEvaluationImageSize || images.size(2) == 2 * kEvaluationImageSize),
        "resizeForEvaluation: expected images of shape [N, C, 32, 32] or [N, C, 64, 64], "
        "got ",
        images.sizes());
    if (images.size(2) == kEvaluationImageSize) return images;
    return torch::avg_pool2d(images, {2, 2}, {2, 2});
}

Resize64DecoderImpl::Resize64DecoderImpl(const Resize64DecoderOptions& options) : options(options) {
    reset();
}

void Resize64DecoderImpl::reset() {
    TORCH_CHECK(
        options.codeSize() >= 1,
        "Resize64DecoderOptions: codeSize must be at least 1 (the assignment uses 2 and 7), "
        "got ",
        options.codeSize());
    const std::int64_t deepest = kStageChannels[kPoolingStages - 1];
    fromCode_ = register_module("from_code", torch::nn::Linear(options.codeSize(), kHiddenWidth));
    toFeatures_ = register_module(
        "to_features",
        torch::nn::Linear(kHiddenWidth, deepest * kResize64StartSide * kResize64StartSide));
    std::int64_t in = deepest;
    for (std::size_t stage = 0; stage < convs_.size(); ++stage) {
        convs_[stage] = register_module(
            "conv" + std::to_string(stage + 1),
            torch::nn::Conv2d(
                torch::nn::Conv2dOptions(in, kResize64Channels[stage], 3).padding(1)));
        heInitialize(*convs_[stage]);
        in = kResize64Channels[stage];
    }
    output_ =
        register_module("output", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, 1, 3).padding(1)));
    initializeOutputBias(*output_);
}

torch::Tensor Resize64DecoderImpl::forward(const torch::Tensor& code) {
    TORCH_CHECK(code.dim() == 2 && code.size(1) == options.codeSize(),
                "Resize64Decoder: expected a code of shape [N, ", options.codeSize(), "], got ",
                code.sizes());
    torch::Tensor x = toFeatures_->forward(fromCode_->forward(code));
    std::int64_t side = kResize64StartSide;
    x = x.view({code.size(0), kStageChannels[kPoolingStages - 1], side, side});
    for (auto& conv : convs_) {
        side *= 2;
        x = torch::relu(conv->forward(torch::upsample_nearest2d(x, {side, side})));
    }
    return torch::sigmoid(output_->forward(x));
}

void Resize64DecoderImpl::pretty_print(std::ostream& stream) const {
    stream << "learn2add::models::Resize64Decoder(codeSize=" << options.codeSize() << ")";
}

}  // namespace learn2add::models
