#pragma once
// Grey images from and to LibTorch tensors in [0, 1].
//
//   torch::Tensor x = inputTensor(input, model->imageSize());   // [1, 1, S, S], resized bilinearly
//   std::vector<GreyImage> outputs = toGreyImages(model->add(x, addends));
//
// Pure functions; any thread.

#include <torch/types.h>

#include <vector>

#include "infer/GreyImage.h"

namespace learn2add::infer {

// The image resized (bilinear, as the training data) to size x size: [1, 1, size, size] float32.
// Throws std::invalid_argument when it is empty or its pixels do not match rows x cols.
torch::Tensor inputTensor(const GreyImage& image, int size);

// Images [B, 1, S, S] or [B, S, S] in [0, 1] (values outside are clamped), one conversion for the
// batch.
std::vector<GreyImage> toGreyImages(const torch::Tensor& images);
// One image [1, S, S], [1, 1, S, S] or [S, S].
GreyImage toGreyImage(const torch::Tensor& image);

}  // namespace learn2add::infer
