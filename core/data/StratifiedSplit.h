#pragma once
// Deterministic, stratified splits: every digit is divided in the same proportions, and the same
// labels and seed always give the same split.

#include <cstdint>
#include <span>
#include <vector>

namespace learn2add::data {

struct SplitIndices {
    std::vector<std::size_t> train;
    std::vector<std::size_t> validation;
    std::vector<std::size_t> test;
};

// Shuffles the positions of each digit with `seed`, then gives round(n * validationFraction) of them
// to validation, round(n * testFraction) to test and the rest to train. Each list is returned in
// ascending order. Fractions must be >= 0 and add up to less than 1.
SplitIndices stratifiedSplit(std::span<const std::uint8_t> labels, double validationFraction,
                             double testFraction, std::uint64_t seed);

}  // namespace learn2add::data
