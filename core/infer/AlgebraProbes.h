#pragma once
// Properties of the addition model f(x, u) = D(P(E(x), u)) that the assignment never asks about and
// that show what "adding" really learned, measured on test images:
//   identity     f(x, 0)          against x itself
//   composition  f(f(x, a), b)    against f(x, a + b)       (whole a, b >= 1)
//   commutation  f(f(x, a), b)    against f(f(x, b), a)     (whole a < b)
// each as judge agreement (the judge reads both sides as the same digit; for identity, reads
// f(x, 0) as x's digit) and as L2 (the mean per-pixel squared difference of the two sides at
// 32x32), per input digit d and total addend s = a + b (identity: s = 0), d + s <= 9.
//
//   AlgebraProbes probes = probeAlgebra(model, judge, data.test, 20);   // 20 images per digit
//   probes.composition.overall.agreement();                             // e.g. 0.83
//
// Eval mode (restored after, also on an exception), no gradients; f(x, a) is computed once per
// addend and reused.

#include <array>
#include <cstdint>

#include "data/DigitSet.h"
#include "models/AdditionModel.h"
#include "models/DigitJudge.h"

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

// The first `imagesPerDigit` images of each digit of `set` (all when fewer).
AlgebraProbes probeAlgebra(models::AdditionModel& model, models::DigitJudge& judge,
                           const data::DigitSet& set, int imagesPerDigit);

}  // namespace learn2add::infer
