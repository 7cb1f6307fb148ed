#include "models/NearestUpsampling.h"

#include <string>

#include "models/Encoder.h"
#include "models/Initialization.h"

namespace learn2add::models {

NearestUpsamplingLayers registerNearestUpsampling(torch::nn::Module& owner, std::int64_t codeSize,
                                                  const std::vector<std::int64_t>& stageChannels) {
    const std::int64_t deepest = kStageChannels[kPoolingStages - 1];
    NearestUpsamplingLayers layers;
    layers.fromCode = owner.register_module("from_code", torch::nn::Linear(codeSize, kHiddenWidth));
    layers.toFeatures = owner.register_module(
        "to_features",
        torch::nn::Linear(kHiddenWidth, deepest * kUpsamplingStartSide * kUpsamplingStartSide));
    std::int64_t in = deepest;
    for (std::size_t stage = 0; stage < stageChannels.size(); ++stage) {
        auto conv = owner.register_module(
            "conv" + std::to_string(stage + 1),
            torch::nn::Conv2d(torch::nn::Conv2dOptions(in, stageChannels[stage], 3).padding(1)));
        heInitialize(*conv);
        layers.convs.push_back(conv);
        in = stageChannels[stage];
    }
    layers.output = owner.register_module(
        "output", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, 1, 3).padding(1)));
    initializeOutputBias(*layers.output);
    return layers;
}

torch::Tensor decodeByNearestUpsampling(NearestUpsamplingLayers& layers, const torch::Tensor& code,
                                        std::vector<torch::Tensor>* stages) {
    torch::Tensor x = layers.toFeatures->forward(layers.fromCode->forward(code));
    std::int64_t side = kUpsamplingStartSide;
    x = x.view({code.size(0), kStageChannels[kPoolingStages - 1], side, side});
    for (auto& conv : layers.convs) {
        side *= 2;
        x = torch::relu(conv->forward(torch::upsample_nearest2d(x, {side, side})));
        if (stages) stages->push_back(x);
    }
    return torch::sigmoid(layers.output->forward(x));
}

}  // namespace learn2add::models
