#pragma once
// What the encoder's three max-pooling stages remember, so that MirrorDecoder can undo them.
//
//   auto [code, pooling] = encoder->forwardWithIndices(images);
//   torch::Tensor reconstruction = mirrorDecoder->forward(code, pooling);
//
// A plain value: the tensors are shared, not copied, and belong to the batch they came from (they
// only make sense together with that batch's code). Safe to pass between threads like any tensor.

#include <torch/types.h>

#include <array>
#include <cstdint>

namespace learn2add::models {

// The encoder has exactly three convolution + max-pooling stages (ASSIGNMENT.md Part II.1).
inline constexpr int kPoolingStages = 3;

struct PoolingIndices {
    // indices[i]: argmax positions of pooling stage i (0 = the first pooling, at full resolution),
    // int64 [N, C_i, H_i / 2, W_i / 2], as torch::max_pool2d_with_indices returns them: flat
    // positions inside each H_i x W_i plane.
    std::array<torch::Tensor, kPoolingStages> indices;
    // inputSizes[i]: {H_i, W_i}, the size of the feature map that stage i pooled, which is the size
    // max_unpool2d must restore.
    std::array<std::array<std::int64_t, 2>, kPoolingStages> inputSizes{};
};

}  // namespace learn2add::models
