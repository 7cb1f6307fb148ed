#include "models/MirrorDecoder.h"

#include <string>

#include "models/Encoder.h"
#include "models/Initialization.h"

namespace learn2add::models {

MirrorDecoderImpl::MirrorDecoderImpl(const MirrorDecoderOptions& options) : options(options) {
    reset();
}

void MirrorDecoderImpl::reset() {
    TORCH_CHECK(
        options.codeSize() >= 1,
        "MirrorDecoderOptions: codeSize must be at least 1 (the assignment uses 2 and 7), got ",
        options.codeSize());
    TORCH_CHECK(isSupportedImageSize(options.imageSize()),
                "MirrorDecoderOptions: imageSize must be 32 or 64 (the Encoder's imageSize), got ",
                options.imageSize());

    const std::int64_t side = options.imageSize() / 8;
    const std::int64_t deepest = kStageChannels[kPoolingStages - 1];
    fromCode_ = register_module("from_code", torch::nn::Linear(options.codeSize(), kHiddenWidth));
    toFeatures_ =
        register_module("to_features", torch::nn::Linear(kHiddenWidth, deepest * side * side));
    // Registered deepest first, the order in which forward() runs them.
    for (int stage = kPoolingStages - 1; stage >= 0; --stage) {
        const std::int64_t in = kStageChannels[stage];
        const std::int64_t out = stage == 0 ? 1 : kStageChannels[stage - 1];
        convs_[stage] =
            register_module("conv" + std::to_string(stage + 1),
                            torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1)));
        if (stage == 0) {
            initializeOutputBias(*convs_[stage]);  // conv1 is the output layer
        } else {
            heInitialize(*convs_[stage]);
        }
    }
}

void MirrorDecoderImpl::checkCode(const torch::Tensor& code) const {
    TORCH_CHECK(code.dim() == 2 && code.size(1) == options.codeSize(),
                "MirrorDecoder: expected a code of shape [N, ", options.codeSize(), "], got ",
                code.sizes());
}

void MirrorDecoderImpl::checkPooling(const PoolingIndices& pooling, std::int64_t batch) const {
    for (int stage = 0; stage < kPoolingStages; ++stage) {
        const torch::Tensor& indices = pooling.indices[stage];
        const std::int64_t side = options.imageSize() >> stage;  // pre-pool size of this stage
        TORCH_CHECK(indices.defined(), "MirrorDecoder: pooling indices of stage ", stage + 1,
                    " are missing; pass those of the Encoder pass that produced the code, or "
                    "call forward(code) for the fallback without indices");
        const bool shapeMatches = indices.dim() == 4 && indices.size(0) == batch &&
                                  indices.size(1) == kStageChannels[stage] &&
                                  indices.size(2) == side / 2 && indices.size(3) == side / 2 &&
                                  pooling.inputSizes[stage][0] == side &&
                                  pooling.inputSizes[stage][1] == side;
        TORCH_CHECK(shapeMatches, "MirrorDecoder: pooling indices of stage ", stage + 1,
                    " have shape ", indices.sizes(), " for an input of ",
                    pooling.inputSizes[stage][0], "x", pooling.inputSizes[stage][1], "; expected [",
                    batch, ", ", kStageChannels[stage], ", ", side / 2, ", ", side / 2,
                    "] for an input of ", side, "x", side,
                    " (from the Encoder pass that produced this batch of codes)");
    }
}

torch::Tensor MirrorDecoderImpl::unpoolWithIndices(const torch::Tensor& features,
                                                   const torch::Tensor& indices,
                                                   const std::array<std::int64_t, 2>& outputSize) {
    // torch::max_unpool2d directly: LibTorch 1.13's F::max_unpool2d rejects a 2-element
    // output_size ("should be a sequence containing 2 or 4 elements, but it has a length of '0'").
    return torch::max_unpool2d(features, indices, {outputSize[0], outputSize[1]});
}

torch::Tensor MirrorDecoderImpl::unpoolWithoutIndices(const torch::Tensor& features) {
    const std::vector<std::int64_t> size = {features.size(2) * 2, features.size(3) * 2};
    return torch::upsample_nearest2d(features, size) * 0.25;
}

torch::Tensor MirrorDecoderImpl::decode(const torch::Tensor& code, const PoolingIndices* pooling,
                                        std::vector<torch::Tensor>* stages) {
    const std::int64_t side = options.imageSize() / 8;
    torch::Tensor x = toFeatures_->forward(fromCode_->forward(code));
    x = x.view({code.size(0), kStageChannels[kPoolingStages - 1], side, side});
    for (int stage = kPoolingStages - 1; stage >= 0; --stage) {
        x = pooling ? unpoolWithIndices(x, pooling->indices[stage], pooling->inputSizes[stage])
                    : unpoolWithoutIndices(x);
        x = convs_[stage]->forward(x);
        x = stage == 0 ? torch::sigmoid(x) : torch::relu(x);
        if (stages && stage > 0) stages->push_back(x);
    }
    return x;
}

torch::Tensor MirrorDecoderImpl::forward(const torch::Tensor& code) {
    checkCode(code);
    return decode(code, nullptr);
}

torch::Tensor MirrorDecoderImpl::forwardWithStages(const torch::Tensor& code, std::vector<torch::Tensor>& stages) {
    checkCode(code);
    return decode(code, nullptr, &stages);
}

torch::Tensor MirrorDecoderImpl::forward(const torch::Tensor& code, const PoolingIndices& pooling) {
    checkCode(code);
    checkPooling(pooling, code.size(0));
    return decode(code, &pooling);
}

void MirrorDecoderImpl::pretty_print(std::ostream& stream) const {
    stream << "learn2add::models::MirrorDecoder(codeSize=" << options.codeSize()
           << ", imageSize=" << options.imageSize() << ")";
}

}  // namespace learn2add::models
