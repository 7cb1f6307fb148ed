#pragma once
// Bars of the judge's probability for each digit 0..9 on the current output, the digit it reads
// highlighted. GUI thread only.
//
//   auto* bars = new JudgeProbabilityPlot;
//   bars->showProbabilities(probabilities);   // 10 values; empty: "no judge"

#include <qcustomplot.h>

#include <vector>

namespace learn2add::ui {

class JudgeProbabilityPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit JudgeProbabilityPlot(QWidget* parent = nullptr);

    void showProbabilities(const std::vector<float>& probabilities);
    int readDigit() const { return read_; }  // -1 when nothing is shown
    double probability(int digit) const;

private:
    QCPBars* bars_ = nullptr;
    QCPBars* readBar_ = nullptr;
    QCPTextElement* title_ = nullptr;
    int read_ = -1;
};

}  // namespace learn2add::ui
