#include "infer/AssignmentAnswers.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace learn2add::infer {
namespace {

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string percent(double share) { return fixed(100.0 * share, 1) + " %"; }

const std::vector<double>* column(const MetricColumns& metrics, const std::string& name) {
    const auto found = metrics.find(name);
    return found == metrics.end() || found->second.empty() ? nullptr : &found->second;
}

double meanOf(const MetricColumns& metrics, const std::string& name) {
    const auto* values = column(metrics, name);
    if (values == nullptr) return 0.0;
    return std::accumulate(values->begin(), values->end(), 0.0) / static_cast<double>(values->size());
}

// The validation curve's rise after its best: (best, last, rise as a share of best, best epoch).
struct Rise {
    double best = 0.0;
    double last = 0.0;
    double share = 0.0;
    int bestEpoch = 0;
    int epochs = 0;
    bool overfits() const { return bestEpoch < epochs && share > kOverfittingRise; }
};

Rise riseOf(const MetricColumns& metrics, const std::string& name) {
    Rise rise;
    const auto* values = column(metrics, name);
    if (values == nullptr) return rise;
    const auto best = std::min_element(values->begin(), values->end());
    rise.best = *best;
    rise.last = values->back();
    rise.bestEpoch = static_cast<int>(best - values->begin()) + 1;
    rise.epochs = static_cast<int>(values->size());
    rise.share = rise.best > 0 ? (rise.last - rise.best) / rise.best : 0.0;
    return rise;
}

std::string name(const AutoencoderReport& run) {
    return run.decoder + " " + (run.loss == "bce" ? "BCE" : "L2") + " code " + std::to_string(run.codeSize);
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? "" : (i + 1 == parts.size() ? " and " : ", ")) + parts[i];
    return text;
}

// II.4: the L2 runs of one code size (2, the assignment's, when there are any).
void whichDecoder(const ReportContents& contents, std::vector<Answer>& answers) {
    std::vector<const AutoencoderReport*> runs;
    for (const int code : {2, 7}) {
        for (const auto& run : contents.autoencoders) {
            if (run.loss == "l2" && run.codeSize == code) runs.push_back(&run);
        }
        if (!runs.empty()) break;
    }
    if (runs.empty()) return;
    std::sort(runs.begin(), runs.end(),
              [](const auto* a, const auto* b) { return a->bestValidationRmse < b->bestValidationRmse; });
    const AutoencoderReport& best = *runs.front();
    std::vector<std::string> others;
    for (std::size_t i = 1; i < runs.size(); ++i) {
        others.push_back(runs[i]->decoder + " " + fixed(runs[i]->bestValidationRmse, 4) + " (" +
                         fixed(meanOf(runs[i]->metrics, "seconds"), 1) + " s per epoch)");
    }
    std::string answer = best.decoder + " reconstructs best: validation RMSE " + fixed(best.bestValidationRmse, 4) +
                         " at its best epoch " + std::to_string(best.bestEpoch) + " (" +
                         fixed(meanOf(best.metrics, "seconds"), 1) + " s per epoch)";
    answer += others.empty() ? "." : ", against " + joined(others) + ".";
    // A decoder within 1 % of the best RMSE that trains at least 1.5x faster is the better choice.
    const AutoencoderReport* pick = &best;
    for (std::size_t i = 1; i < runs.size(); ++i) {
        const double seconds = meanOf(runs[i]->metrics, "seconds");
        if (runs[i]->bestValidationRmse <= best.bestValidationRmse * 1.01 && seconds > 0 &&
            seconds * 1.5 <= meanOf(pick->metrics, "seconds")) {
            pick = runs[i];
        }
    }
    // The mirror decoder unpools with the encoder's pooling indices: part of the image travels
    // beside the code, which P's codes do not have, so it cannot be the addition model's decoder.
    if (pick->decoder == "mirror") {
        const auto other = std::find_if(runs.begin(), runs.end(), [](const auto* run) { return run->decoder != "mirror"; });
        if (other != runs.end()) {
            answer += " But mirror's unpooling copies where each maximum was in the encoder: part of the image "
                      "travels beside the code, and the addition model's codes (P's outputs) have no pooling "
                      "indices. Stick with " + (*other)->decoder + ", the best decoder that works from the code alone.";
            answers.push_back({2, "II.4 Which decoder is best, and which would you stick with? (L2, code " +
                                      std::to_string(best.codeSize) + ")", answer});
            return;
        }
    }
    if (pick == &best) {
        answer += " Stick with " + best.decoder + ": the lowest error on digits it never trained on";
        answer += runs.size() > 1 ? " (RMSE " + percent((runs[1]->bestValidationRmse - best.bestValidationRmse) /
                                                          runs[1]->bestValidationRmse) +
                                        " below the next, " + runs[1]->decoder + ")."
                                  : ".";
    } else {
        answer += " Stick with " + pick->decoder + ": within 1 % of " + best.decoder +
                  "'s error at a fraction of its time per epoch.";
    }
    answers.push_back({2, "II.4 Which decoder is best, and which would you stick with? (L2, code " +
                              std::to_string(best.codeSize) + ")", answer});
}

// II.5: the rise of each run's validation RMSE after its best epoch.
void overfittingOfAutoencoders(const ReportContents& contents, std::vector<Answer>& answers) {
    std::vector<std::string> overfit;
    int runs = 0, stillImproving = 0;
    for (const auto& run : contents.autoencoders) {
        const Rise rise = riseOf(run.metrics, "validation_rmse");
        if (rise.epochs == 0) continue;
        ++runs;
        if (rise.bestEpoch == rise.epochs) ++stillImproving;
        if (rise.overfits()) {
            overfit.push_back(name(run) + " (best epoch " + std::to_string(rise.bestEpoch) + " of " +
                              std::to_string(rise.epochs) + ", +" + percent(rise.share) + " by the last)");
        }
    }
    if (runs == 0) return;
    std::string answer = overfit.empty() ? "No run overfits"
                                         : "Overfitting in " + std::to_string(overfit.size()) + " of " +
                                               std::to_string(runs) + " runs: " + joined(overfit);
    answer += " (a run overfits when its validation RMSE ends more than " + percent(kOverfittingRise) +
              " above its best). The best epoch is the last in " + std::to_string(stillImproving) + " of " +
              std::to_string(runs) + " runs" + (stillImproving == runs ? ": every model is still improving." : ".");
    answer += " The best weights are those of the epoch with the lowest validation loss: best.pt keeps them "
              "(checkpointing on the validation split; the test split is never used to choose).";
    answers.push_back({2, "II.5 Do the curves show overfitting? How are the best weights selected?", answer});
}

// II.6 and II.7: the same decoder and code with the other loss, the same decoder and loss with the
// other code.
void pairedComparison(const ReportContents& contents, std::vector<Answer>& answers, bool byLoss) {
    std::vector<std::string> lines;
    int better = 0, pairs = 0;
    for (const auto& a : contents.autoencoders) {
        for (const auto& b : contents.autoencoders) {
            const bool paired = byLoss ? (a.loss == "l2" && b.loss == "bce" && a.decoder == b.decoder && a.codeSize == b.codeSize)
                                       : (a.codeSize == 2 && b.codeSize == 7 && a.decoder == b.decoder && a.loss == b.loss);
            if (!paired || a.bestValidationRmse <= 0) continue;
            ++pairs;
            const double change = (b.bestValidationRmse - a.bestValidationRmse) / a.bestValidationRmse;
            if (change < 0) ++better;
            lines.push_back(b.decoder + (byLoss ? " code " + std::to_string(b.codeSize) : " " + std::string(b.loss == "bce" ? "BCE" : "L2")) +
                            ": " + fixed(a.bestValidationRmse, 4) + " -> " + fixed(b.bestValidationRmse, 4) + " (" +
                            (change >= 0 ? "+" : "") + percent(change) + ")");
        }
    }
    if (pairs == 0) return;
    if (byLoss) {
        answers.push_back({2, "II.6 What changes with binary cross-entropy instead of L2? Why can BCE be used?",
                           "Validation RMSE, L2 -> BCE: " + joined(lines) + "; BCE is lower in " + std::to_string(better) +
                               " of " + std::to_string(pairs) +
                               " pairs. BCE applies because every MNIST pixel is an intensity in [0, 1], read as the "
                               "probability of ink, and the decoder ends in a sigmoid; it weighs errors near 0 and 1 "
                               "more than L2 does, which sharpens strokes."});
    } else {
        answers.push_back({2, "II.7 What does a code of 7 instead of 2 change?",
                           "Validation RMSE, code 2 -> code 7: " + joined(lines) + "; code 7 is lower in " +
                               std::to_string(better) + " of " + std::to_string(pairs) +
                               " pairs: two numbers cannot hold both the digit and its style."});
    }
}

// III.5 and IV: the evaluation metric (L2 of the generated image) after its best, and the accuracy.
void additionAnswers(const ReportContents& contents, std::vector<Answer>& answers) {
    std::vector<std::string> lines;
    for (const auto& run : contents.additions) {
        const Rise rise = riseOf(run.metrics, "validation_generation");
        if (rise.epochs == 0) continue;
        std::string line = models::displayName(run.variant) + " (" + run.recipe + ", " + run.folder.filename().string() +
                           "): best epoch " + std::to_string(rise.bestEpoch) + " of " + std::to_string(rise.epochs) +
                           ", validation L2 " + fixed(rise.best, 5) + " then " + (rise.share >= 0 ? "+" : "") +
                           percent(rise.share) + (rise.overfits() ? ", overfits" : ", no overfitting");
        const auto* accuracy = column(run.metrics, "validation_accuracy");
        if (accuracy != nullptr && rise.bestEpoch >= 1 && static_cast<std::size_t>(rise.bestEpoch) <= accuracy->size()) {
            line += "; judged accuracy " + percent((*accuracy)[static_cast<std::size_t>(rise.bestEpoch - 1)]) +
                    " at the best epoch";
        }
        lines.push_back(line);
    }
    if (lines.empty()) return;
    answers.push_back({3, "III.5 / IV Was the model affected by overfitting? (the evaluation metric: L2 between "
                          "the generated and the expected image, validation split)",
                       joined(lines) + ". A run overfits when the metric ends more than " +
                           percent(kOverfittingRise) + " above its best."});
}

}  // namespace

std::vector<Answer> assignmentAnswers(const ReportContents& contents) {
    std::vector<Answer> answers;
    whichDecoder(contents, answers);
    overfittingOfAutoencoders(contents, answers);
    pairedComparison(contents, answers, true);
    pairedComparison(contents, answers, false);
    additionAnswers(contents, answers);
    return answers;
}

}  // namespace learn2add::infer
