#pragma once
// A set of labelled grey-scale digit images as plain bytes (no tensors), the unit every loader
// returns and every split produces. Cheap to move, safe to copy between threads.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "data/IdxFile.h"

namespace learn2add::data {

constexpr int kDigitClasses = 10;

struct DigitSet {
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels;  // size() * rows * cols bytes, image after image
    std::vector<std::uint8_t> labels;  // one label 0..9 per image

    std::size_t size() const { return labels.size(); }
    bool empty() const { return labels.empty(); }
    std::size_t pixelsPerImage() const { return static_cast<std::size_t>(rows) * cols; }
    std::span<const std::uint8_t> image(std::size_t index) const {
        return {pixels.data() + index * pixelsPerImage(), pixelsPerImage()};
    }
    // How many images of each digit the set holds.
    std::array<std::size_t, kDigitClasses> countPerClass() const;
    // The positions of the images of one digit, in set order.
    std::vector<std::size_t> indicesOf(int digit) const;
};

// Pairs an IDX image array (N x rows x cols) with an IDX label array (N). Throws DataError, naming
// the sources, when dimensions, counts or label values do not agree.
DigitSet makeDigitSet(IdxArray images, IdxArray labels, const std::string& imagesName,
                      const std::string& labelsName);

// The images at `indices`, in that order (copies).
DigitSet subset(const DigitSet& set, std::span<const std::size_t> indices);

}  // namespace learn2add::data
