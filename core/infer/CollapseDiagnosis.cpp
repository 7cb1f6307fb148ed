#include "infer/CollapseDiagnosis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace learn2add::infer {
namespace {

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

// 0.009, 0.43, 12.3: three significant digits at most.
std::string number(double value) {
    return format("%.3g", value);
}

std::string percent(double share) {
    return format("%.0f%%", 100.0 * share);
}

}  // namespace

CollapseDiagnosis diagnoseCollapse(const std::vector<CollapseSignals>& epochs) {
    CollapseDiagnosis diagnosis;
    if (epochs.empty()) {
        diagnosis.headline = "No epoch yet: the diagnosis follows the first one.";
        return diagnosis;
    }
    const CollapseSignals& first = epochs.front();
    const CollapseSignals& last = epochs.back();
    const auto highest = std::max_element(epochs.begin(), epochs.end(), [](const auto& a, const auto& b) {
        return a.codeSpread < b.codeSpread;
    });
    const double share = highest->codeSpread > 0.0 ? last.codeSpread / highest->codeSpread : 0.0;

    std::string spread = "Code spread " + number(last.codeSpread) + " at epoch " + std::to_string(last.epoch);
    if (&*highest != &last) {
        spread += ", " + percent(share) + " of its highest (" + number(highest->codeSpread) +
                  " at epoch " + std::to_string(highest->epoch) + ")";
    }
    diagnosis.evidence.push_back(spread + ".");

    if (epochs.size() > 1) {
        diagnosis.evidence.push_back("Code term " + number(first.codeTerm) + " → " + number(last.codeTerm) +
                                     ", generation term " + number(first.generationTerm) + " → " +
                                     number(last.generationTerm) + ".");
    } else {
        diagnosis.evidence.push_back("Code term " + number(last.codeTerm) + ", generation term " +
                                     number(last.generationTerm) + ".");
    }

    const int cells = std::accumulate(last.gridReadings.begin(), last.gridReadings.end(), 0);
    int distinct = 0;
    int mostRead = 0;
    for (int digit = 0; digit < 10; ++digit) {
        if (last.gridReadings[digit] > 0) ++distinct;
        if (last.gridReadings[digit] > last.gridReadings[mostRead]) mostRead = digit;
    }
    if (cells > 0) {
        diagnosis.evidence.push_back(
            "The judge reads " + std::to_string(distinct) + " different digit" + (distinct == 1 ? "" : "s") +
            " in the grid's " + std::to_string(cells) + " cells (mostly " + std::to_string(mostRead) + ": " +
            std::to_string(last.gridReadings[mostRead]) + ")" +
            (distinct <= 2 ? ": the decoder draws nearly the same image whatever the input and the addend."
                           : "."));
    }
    if (last.accuracy >= 0.0) {
        diagnosis.evidence.push_back("The judge reads " + percent(last.accuracy) +
                                     " of the validation sums right (chance: about 10%).");
    }

    const bool outputsAgree = (cells > 0 && distinct <= 2) || (last.accuracy >= 0.0 && last.accuracy < 0.3);
    const bool outputsUnknown = cells == 0 && last.accuracy < 0.0;
    const bool spreadGone = last.codeSpread < kCollapsedSpread || share < kCollapsedShare;
    if (spreadGone && (outputsAgree || outputsUnknown)) {
        diagnosis.verdict = CollapseVerdict::Collapsed;
        diagnosis.headline =
            "Collapsed: the encoder maps every digit to nearly the same code, so P meets its code "
            "term without adding and the decoder has nothing to tell the sums apart.";
        if (last.codeTerm < first.codeTerm) {
            diagnosis.evidence.push_back(
                "A code term that falls while the codes draw together is the collapse itself: "
                "L2(P(E(x), u), E(y)) is small when every E(y) is the same point. What keeps the "
                "codes apart: the default recipe's digit probe and per-digit targets, or a "
                "variational encoder's KL term.");
        }
    } else if (share < kCollapsingShare) {
        diagnosis.verdict = CollapseVerdict::Collapsing;
        diagnosis.headline = "Collapsing? The codes have drawn together to " + percent(share) +
                             " of their highest spread; watch whether the spread keeps falling.";
    } else {
        diagnosis.verdict = CollapseVerdict::Healthy;
        diagnosis.headline = "No collapse: the codes keep " + percent(share) + " of their highest spread" +
                             (last.accuracy >= 0.0 ? "; " + percent(last.accuracy) + " of the sums read right."
                                                   : ".");
    }
    return diagnosis;
}

}  // namespace learn2add::infer
