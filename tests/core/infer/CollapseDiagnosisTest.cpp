#include "infer/CollapseDiagnosis.h"

#include <gtest/gtest.h>

namespace learn2add::infer {
namespace {

CollapseSignals epoch(int number, double spread, double code, double generation, double accuracy = -1.0) {
    CollapseSignals signals;
    signals.epoch = number;
    signals.codeSpread = spread;
    signals.codeTerm = code;
    signals.generationTerm = generation;
    signals.accuracy = accuracy;
    return signals;
}

bool anyContains(const std::vector<std::string>& sentences, const std::string& part) {
    for (const std::string& sentence : sentences) {
        if (sentence.find(part) != std::string::npos) return true;
    }
    return false;
}

TEST(CollapseDiagnosis, CodesDrawnTogetherWithOneDigitEverywhereIsACollapse) {
    // What the assignment's exact loss does (measured: spread 0.009, accuracy 16-19 %).
    std::vector<CollapseSignals> epochs = {epoch(1, 0.43, 0.05, 0.071, 0.31), epoch(2, 0.009, 0.0001, 0.067, 0.17)};
    epochs.back().gridReadings[1] = 50;
    epochs.back().gridReadings[7] = 5;
    const CollapseDiagnosis diagnosis = diagnoseCollapse(epochs);
    EXPECT_EQ(diagnosis.verdict, CollapseVerdict::Collapsed);
    EXPECT_EQ(diagnosis.headline.rfind("Collapsed:", 0), 0u) << diagnosis.headline;
    EXPECT_TRUE(anyContains(diagnosis.evidence, "Code spread 0.009 at epoch 2, 2% of its highest (0.43 at epoch 1)"));
    EXPECT_TRUE(anyContains(diagnosis.evidence, "Code term 0.05 → 0.0001, generation term 0.071 → 0.067"));
    EXPECT_TRUE(anyContains(diagnosis.evidence, "2 different digits in the grid's 55 cells (mostly 1: 50)"));
    EXPECT_TRUE(anyContains(diagnosis.evidence, "17% of the validation sums"));
    EXPECT_TRUE(anyContains(diagnosis.evidence, "is the collapse itself"));
}

TEST(CollapseDiagnosis, ASpreadKeptWithManyDigitsReadIsHealthy) {
    std::vector<CollapseSignals> epochs = {epoch(1, 1.2, 0.2, 0.04, 0.93), epoch(2, 1.1, 0.1, 0.03, 0.96)};
    for (int digit = 0; digit < 10; ++digit) epochs.back().gridReadings[digit] = 10 - digit;
    const CollapseDiagnosis diagnosis = diagnoseCollapse(epochs);
    EXPECT_EQ(diagnosis.verdict, CollapseVerdict::Healthy);
    EXPECT_EQ(diagnosis.headline, "No collapse: the codes keep 92% of their highest spread; 96% of the sums read right.");
    EXPECT_FALSE(anyContains(diagnosis.evidence, "nearly the same image"));
}

TEST(CollapseDiagnosis, AFallingSpreadIsCollapsingAndAGoneOneWithoutJudgeIsCollapsed) {
    EXPECT_EQ(diagnoseCollapse({epoch(1, 1.0, 0.2, 0.05), epoch(2, 0.4, 0.1, 0.05)}).verdict,
              CollapseVerdict::Collapsing);
    // Neither grid readings nor accuracy: the spread alone decides.
    EXPECT_EQ(diagnoseCollapse({epoch(1, 1.0, 0.2, 0.05), epoch(2, 0.01, 0.001, 0.05)}).verdict,
              CollapseVerdict::Collapsed);
    // A small spread while the judge still reads most sums right is not called a collapse.
    EXPECT_NE(diagnoseCollapse({epoch(1, 0.04, 0.2, 0.05, 0.9)}).verdict, CollapseVerdict::Collapsed);
}

TEST(CollapseDiagnosis, NoEpochsSaySo) {
    const CollapseDiagnosis diagnosis = diagnoseCollapse({});
    EXPECT_EQ(diagnosis.verdict, CollapseVerdict::NoEpochs);
    EXPECT_TRUE(diagnosis.evidence.empty());
    EXPECT_FALSE(diagnosis.headline.empty());
}

}  // namespace
}  // namespace learn2add::infer
