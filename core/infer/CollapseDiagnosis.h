#pragma once
// Whether an addition model's training has collapsed, in words a student can read: the assignment's
// exact loss lets E map every image to nearly one code, which makes P's code term L2(P(E(x), u),
// E(y)) tiny without any adding, while the generation term, which needs different images for
// different sums, stays high and the decoder draws the same blur for every input. The diagnosis
// reads the epochs' values (the validation codes' spread, the code and generation terms, the
// judge's readings of the digit-by-addend grid and its accuracy) and says what they show.
//
//   std::vector<CollapseSignals> epochs = ...;          // one per epoch, in order
//   CollapseDiagnosis diagnosis = diagnoseCollapse(epochs);
//   label->setText(diagnosis.headline);                 // "Collapsed: ..."
//
// Plain values, no LibTorch.

#include <array>
#include <string>
#include <vector>

namespace learn2add::infer {

struct CollapseSignals {
    int epoch = 0;
    double codeSpread = 0.0;      // the validation codes' standard deviation
    double codeTerm = 0.0;        // validation: L2(P(E(x), u), E(y)) (a generative P: its NLL)
    double generationTerm = 0.0;  // validation: L2(D(P(E(x), u)), y)
    double accuracy = -1.0;       // validation sums the judge reads right; -1: no judge
    // How often the judge read each digit in the grid's 55 cells; all 0: no grid or no judge.
    std::array<int, 10> gridReadings{};
};

enum class CollapseVerdict { NoEpochs, Healthy, Collapsing, Collapsed };

struct CollapseDiagnosis {
    CollapseVerdict verdict = CollapseVerdict::NoEpochs;
    std::string headline;               // one sentence with the verdict
    std::vector<std::string> evidence;  // what the numbers show, a sentence each
};

// Collapsed: the spread is under kCollapsedSpread or under kCollapsedShare of its highest, and the
// outputs agree (the judge reads at most two digits in the grid, or reads under 30 % of the sums
// right; with neither known, the spread alone decides). Collapsing: under kCollapsingShare of its
// highest. Otherwise healthy.
inline constexpr double kCollapsedSpread = 0.05;
inline constexpr double kCollapsedShare = 0.2;
inline constexpr double kCollapsingShare = 0.5;

CollapseDiagnosis diagnoseCollapse(const std::vector<CollapseSignals>& epochs);

}  // namespace learn2add::infer
