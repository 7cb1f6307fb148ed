#pragma once
// A grey image as bytes, the plain value inference hands to a front end: white digit on black,
// row-major, 0..255. No LibTorch here (front ends include it); GreyImageTensors.h converts.
//
//   GreyImage input{28, 28, pixels};

#include <cstdint>
#include <vector>

namespace learn2add::infer {

struct GreyImage {
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels;  // rows * cols

    bool empty() const { return pixels.empty(); }
    bool operator==(const GreyImage&) const = default;
};

}  // namespace learn2add::infer
