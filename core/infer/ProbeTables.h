#pragma once
// The algebra probes' results (infer/AlgebraProbes.h) as plain values without LibTorch, for front
// ends: per input digit and total addend, how many pairs of images were compared, how many the
// judge read alike, and their summed squared differences.

#include <array>
#include <cstdint>

namespace learn2add::infer {

struct ProbeCell {
    std::int64_t count = 0;  // compared pairs of images
    std::int64_t agreed = 0;
    double squaredError = 0.0;  // summed per-image mean squared differences

    double agreement() const { return count > 0 ? static_cast<double>(agreed) / count : 0.0; }
    double l2() const { return count > 0 ? squaredError / static_cast<double>(count) : 0.0; }
    void add(const ProbeCell& other);
};

struct ProbeTable {
    std::array<std::array<ProbeCell, 10>, 10> cells{};  // [input digit][total addend]
    ProbeCell overall;
};

struct AlgebraProbes {
    ProbeTable identity, composition, commutation;
    int imagesPerDigit = 0;  // as used: at most the set's images of the rarest digit
};

}  // namespace learn2add::infer
