#include "data/AdditionPairs.h"

#include <algorithm>

#include "common/SeededShuffle.h"

namespace learn2add::data {
namespace {

// A seeded shuffle with no fixed points (for two or more elements): shuffle, then swap every element
// left in place with its successor (cyclically). Each swap moves both elements off their places.
std::vector<std::size_t> derangement(std::vector<std::size_t> values, SeededShuffle& shuffle) {
    const std::vector<std::size_t> original = values;
    shuffle.shuffle(values);
    if (values.size() < 2) return values;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == original[i]) {
            const std::size_t j = (i + 1) % values.size();
            std::swap(values[i], values[j]);
        }
    }
    return values;
}

}  // namespace

DigitCounts AdditionPairSet::countPerResult() const {
    DigitCounts counts{};
    for (int n = 0; n < kDigitClasses; ++n) {
        for (const std::size_t c : countByResultAndAddend[n]) counts[n] += c;
    }
    return counts;
}

DigitCounts AdditionPairSet::countPerAddend() const {
    DigitCounts counts{};
    for (const auto& row : countByResultAndAddend) {
        for (int a = 0; a < kDigitClasses; ++a) counts[a] += row[a];
    }
    return counts;
}

double AdditionPairSet::resultImbalance() const {
    const DigitCounts counts = countPerResult();
    const auto [smallest, largest] = std::minmax_element(counts.begin(), counts.end());
    if (*smallest == 0) return *largest == 0 ? 1.0 : std::numeric_limits<double>::infinity();
    return static_cast<double>(*largest) / static_cast<double>(*smallest);
}

AdditionPairSet buildAdditionPairs(const DigitSet& set, std::uint64_t seed) {
    std::array<std::vector<std::size_t>, kDigitClasses> byDigit;
    for (int d = 0; d < kDigitClasses; ++d) byDigit[d] = set.indicesOf(d);

    SeededShuffle shuffle(seed);
    AdditionPairSet result;
    for (int n = 0; n < kDigitClasses; ++n) {
        for (int i = 0; i <= n; ++i) {
            const int addend = n - i;
            const std::size_t count = std::min(byDigit[i].size(), byDigit[n].size());
            std::vector<std::size_t> inputs(byDigit[i].begin(), byDigit[i].begin() + count);
            std::vector<std::size_t> outputs(byDigit[n].begin(), byDigit[n].begin() + count);
            if (addend == 0) outputs = derangement(std::move(outputs), shuffle);
            for (std::size_t k = 0; k < count; ++k) {
                result.pairs.push_back({inputs[k], addend, outputs[k]});
            }
            result.countByResultAndAddend[n][addend] = count;
        }
    }
    return result;
}

}  // namespace learn2add::data
