#pragma once
// The addition data set of the assignment (Part III.1, `transform_data_add`), in C++.
//
// For each result n in 0..9 and each input digit i <= n, the addend is n - i; the first images of
// digit i are paired with the first images of digit n, truncated to the shorter of the two counts.
// For addend 0 the outputs are a seeded derangement of the inputs, so an input is never paired with
// itself but always with another image of the same digit. Pairs refer to positions in the DigitSet
// they were built from (no images are copied).
//
//   AdditionPairSet pairs = buildAdditionPairs(data.train, 42);
//   pairs.countPerResult();   // is the data set balanced? (it is not: 0 has 1 group, 9 has 10)

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "data/DigitSet.h"

namespace learn2add::data {

struct AdditionPair {
    std::size_t input = 0;   // position of the input image (digit inputDigit)
    int addend = 0;          // 0..9
    std::size_t output = 0;  // position of the expected output image (digit inputDigit + addend)
};

using DigitCounts = std::array<std::size_t, kDigitClasses>;

struct AdditionPairSet {
    std::vector<AdditionPair> pairs;  // ordered by result n, then by input digit, as the assignment
    std::array<DigitCounts, kDigitClasses> countByResultAndAddend{};  // [result][addend]

    std::size_t size() const { return pairs.size(); }
    DigitCounts countPerResult() const;
    DigitCounts countPerAddend() const;
    // Largest over smallest pair count per result: 1 for a balanced set.
    double resultImbalance() const;
};

// Builds the pairs from the images of one split (train or validation). `seed` drives the addend-0
// derangement only.
AdditionPairSet buildAdditionPairs(const DigitSet& set, std::uint64_t seed);

}  // namespace learn2add::data
