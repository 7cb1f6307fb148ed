#pragma once
// Portable, seeded shuffling. std::shuffle's result depends on the standard library's
// distributions; this one depends only on std::mt19937_64, whose output the standard fixes, so a
// seed gives the same order on every platform and compiler.

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace learn2add {

class SeededShuffle {
public:
    explicit SeededShuffle(std::uint64_t seed) : engine_(seed) {}

    // A uniformly distributed integer in [0, bound), bound > 0 (rejection sampling, no modulo bias).
    std::uint64_t below(std::uint64_t bound);

    // Fisher-Yates shuffle in place.
    template <typename T>
    void shuffle(std::vector<T>& values) {
        for (std::size_t i = values.size(); i > 1; --i) {
            std::swap(values[i - 1], values[below(i)]);
        }
    }

    // The engine's state as text, and back (resuming a run where it stopped).
    std::string state() const;
    void restore(const std::string& state);

private:
    std::mt19937_64 engine_;
};

}  // namespace learn2add
