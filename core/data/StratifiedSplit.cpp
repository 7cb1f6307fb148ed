#include "data/StratifiedSplit.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "common/SeededShuffle.h"
#include "data/DigitSet.h"

namespace learn2add::data {

SplitIndices stratifiedSplit(std::span<const std::uint8_t> labels, double validationFraction,
                             double testFraction, std::uint64_t seed) {
    if (!(validationFraction >= 0.0) || !(testFraction >= 0.0) ||
        !(validationFraction + testFraction < 1.0)) {
        throw std::invalid_argument("split fractions must be >= 0 and add up to less than 1 (got " +
                                    std::to_string(validationFraction) + " and " +
                                    std::to_string(testFraction) + ")");
    }
    std::vector<std::vector<std::size_t>> byClass(kDigitClasses);
    for (std::size_t i = 0; i < labels.size(); ++i) byClass.at(labels[i]).push_back(i);

    SeededShuffle shuffle(seed);
    SplitIndices split;
    for (auto& positions : byClass) {
        shuffle.shuffle(positions);
        const auto n = static_cast<double>(positions.size());
        const auto validationCount = static_cast<std::size_t>(std::lround(n * validationFraction));
        const auto testCount = static_cast<std::size_t>(std::lround(n * testFraction));
        const auto begin = positions.begin();
        split.validation.insert(split.validation.end(), begin, begin + validationCount);
        split.test.insert(split.test.end(), begin + validationCount,
                          begin + validationCount + testCount);
        split.train.insert(split.train.end(), begin + validationCount + testCount, positions.end());
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.test.begin(), split.test.end());
    return split;
}

}  // namespace learn2add::data
