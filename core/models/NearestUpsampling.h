#pragma once
// The layers the two upsampling decoders share (UpsampleDecoder.h: three stages to 32x32,
// Resize64Decoder.h: four stages to 64x64): the code through two linear layers to the Encoder's
// deepest channels at 4x4, then per stage a nearest x2 upsampling and a 3x3 convolution with ReLU,
// and a 3x3 output convolution with a sigmoid. Built and run here once; each decoder names its
// channels.
//
//   // in a decoder's reset():
//   layers_ = registerNearestUpsampling(*this, options.codeSize(), {64, 32, 32});
//   // in its forward():
//   return decodeByNearestUpsampling(layers_, code);
//
// Parameter names on the owner: from_code, to_features, conv1 … convN, output (the checkpoints'
// names). Initialisation: He weights before each ReLU, the output bias at MNIST's mean grey level
// (Initialization.h), in that order, so that the same seed gives the same weights.

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace learn2add::models {

struct NearestUpsamplingLayers {
    torch::nn::Linear fromCode{nullptr};
    torch::nn::Linear toFeatures{nullptr};
    std::vector<torch::nn::Conv2d> convs;  // one per x2 stage
    torch::nn::Conv2d output{nullptr};
};

// The code's side at the first stage (the Encoder's 32x32 input after its three poolings).
inline constexpr std::int64_t kUpsamplingStartSide = 4;

// Registers the layers on `owner`, one convolution stage per entry of `stageChannels`.
NearestUpsamplingLayers registerNearestUpsampling(torch::nn::Module& owner, std::int64_t codeSize,
                                                  const std::vector<std::int64_t>& stageChannels);

// code [N, codeSize] -> images [N, 1, 4 * 2^stages, same] in (0, 1).
// The decoded images; with `stages`, each convolution stage's activations (after its ReLU) are
// appended to it, from the first (smallest) to the last.
torch::Tensor decodeByNearestUpsampling(NearestUpsamplingLayers& layers, const torch::Tensor& code,
                                        std::vector<torch::Tensor>* stages = nullptr);

}  // namespace learn2add::models
