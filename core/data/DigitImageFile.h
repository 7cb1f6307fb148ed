#pragma once
// A digit drawn in an image file (PNG, JPEG, BMP ...), read as the models expect it.
//
//   torch::Tensor x = readDigitImage("my-seven.png", 32);   // [1, 1, 32, 32] in [0, 1]
//
// Any size of at least 8x8 is resized (area averaging) to size x size; colour is converted to
// grey; a dark digit on a light background is inverted, since MNIST digits are white on black.
// Throws DataError naming the file when it cannot be read as an image or is too small.

#include <torch/types.h>

#include <filesystem>

namespace learn2add::data {

torch::Tensor readDigitImage(const std::filesystem::path& path, int size);

}  // namespace learn2add::data
