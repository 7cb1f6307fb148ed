#pragma once
// From bytes to tensors: digit images resized with OpenCV (cv::resize, bilinear, as the
// assignment's cv.resize) to the resolution a model works at, as float tensors in [0, 1].
//
//   torch::Tensor x = imagesToTensor(data.train, 32);     // [N, 1, 32, 32], float32
//   AdditionTensors t = additionTensors(data.train, pairs, 32);

#include <torch/types.h>

#include <span>

#include "data/AdditionPairs.h"
#include "data/DigitSet.h"

namespace learn2add::data {

// One image (rows x cols bytes) resized to size x size, as floats in [0, 1] (row-major).
std::vector<float> resizeDigit(std::span<const std::uint8_t> image, int rows, int cols, int size);

// Images at `indices` (all images when omitted) as [N, 1, size, size] float32 in [0, 1].
torch::Tensor imagesToTensor(const DigitSet& set, std::span<const std::size_t> indices, int size);
torch::Tensor imagesToTensor(const DigitSet& set, int size);

// Labels as an int64 tensor [N].
torch::Tensor labelsToTensor(const DigitSet& set);

struct AdditionTensors {
    torch::Tensor input;        // [N, 1, size, size]
    torch::Tensor addend;       // [N, 1] float32
    torch::Tensor output;       // [N, 1, size, size]
    torch::Tensor inputDigit;   // [N] int64
    torch::Tensor outputDigit;  // [N] int64
};

// The tensors of every pair, gathered from the set's images resized once.
AdditionTensors additionTensors(const DigitSet& set, const AdditionPairSet& pairs, int size);

// The pairs as positions into their split's image tensor (no images copied).
struct PairIndex {
    torch::Tensor input;   // [N] int64
    torch::Tensor output;  // [N] int64
    torch::Tensor addend;  // [N, 1] float32
    std::int64_t size() const { return input.size(0); }
};
PairIndex pairIndex(const AdditionPairSet& pairs);

}  // namespace learn2add::data
