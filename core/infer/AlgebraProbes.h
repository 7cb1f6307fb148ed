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

#include "data/DigitSet.h"
#include "infer/ProbeTables.h"
#include "models/AdditionModel.h"
#include "models/DigitJudge.h"

namespace learn2add::infer {

// The first `imagesPerDigit` images of each digit of `set` (all when fewer).
AlgebraProbes probeAlgebra(models::AdditionModel& model, models::DigitJudge& judge,
                           const data::DigitSet& set, int imagesPerDigit);

// probeAlgebra() a digit at a time (a front end's background steps): each call fills the cells of
// one input digit and lowers probes.imagesPerDigit to what that digit has; totalProbes() sums the
// cells into each table's overall cell once every digit is done. Start with
// probes.imagesPerDigit = the images per digit asked for.
void probeDigit(models::AdditionModel& model, models::DigitJudge& judge, const data::DigitSet& set,
                int digit, int imagesPerDigit, AlgebraProbes& probes);
void totalProbes(AlgebraProbes& probes);

}  // namespace learn2add::infer
