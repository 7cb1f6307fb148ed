#include "models/UpsampleDecoder.h"

#include <string>

#include "models/Encoder.h"
#include "models/Initialization.h"

namespace learn2add::models {

namespace {
// Channels after each upsampling stage; the first stage reads the Encoder's deepest 128 channels.
constexpr std::array<std::int64_t, 3> kUpsampleChannels = {64, 32, 32};
constexpr std::int64_t kUpsampleStartSide = UpsampleDecoderImpl::kImageSize / 8;
}  // namespace

UpsampleDecoderImpl::UpsampleDecoderImpl(const UpsampleDecoderOptions& options) : options(options) {
    reset();
}

void UpsampleDecoderImpl::reset() {
    TORCH_CHECK(
        options.codeSize() >= 1,
        "UpsampleDecoderOptions: codeSize must be at least 1 (the assignment uses 2 and 7), "
        "got ",
        options.codeSize());
    const std::int64_t deepest = kStageChannels[kPoolingStages - 1];
    fromCode_ = register_module("from_code", torch::nn::Linear(options.codeSize(), kHiddenWidth));
    toFeatures_ = register_module(
        "to_features",
        torch::nn::Linear(kHiddenWidth, deepest * kUpsampleStartSide * kUpsampleStartSide));
    std::int64_t in = deepest;
    for (std::size_t stage = 0; stage < convs_.size(); ++stage) {
        convs_[stage] = register_module(
            "conv" + std::to_string(stage + 1),
            torch::nn::Conv2d(
                torch::nn::Conv2dOptions(in, kUpsampleChannels[stage], 3).padding(1)));
        heInitialize(*convs_[stage]);
        in = kUpsampleChannels[stage];
    }
    output_ =
        register_module("output", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, 1, 3).padding(1)));
    initializeOutputBias(*output_);
}

torch::Tensor UpsampleDecoderImpl::forward(const torch::Tensor& code) {
    TORCH_CHECK(code.dim() == 2 && code.size(1) == options.codeSize(),
                "UpsampleDecoder: expected a code of shape [N, ", options.codeSize(), "], got ",
                code.sizes());
    torch::Tensor x = toFeatures_->forward(fromCode_->forward(code));
    std::int64_t side = kUpsampleStartSide;
    x = x.view({code.size(0), kStageChannels[kPoolingStages - 1], side, side});
    for (auto& conv : convs_) {
        side *= 2;
        x = torch::relu(conv->forward(torch::upsample_nearest2d(x, {side, side})));
    }
    return torch::sigmoid(output_->forward(x));
}

void UpsampleDecoderImpl::pretty_print(std::ostream& stream) const {
    stream << "learn2add::models::UpsampleDecoder(codeSize=" << options.codeSize() << ")";
}

}  // namespace learn2add::models
