#pragma once
// Bars of the judge's probability for each digit 0..9 on the current output, the digit it reads
// highlighted. The bars and the title live on their own buffered layer: a new output (one per
// step of a slider drag) redraws them alone, not the axes, ticks and labels. GUI thread only.
//
//   auto* bars = new JudgeProbabilityPlot;
//   bars->showProbabilities(probabilities);   // 10 values; empty: "no judge"

#include <qcustomplot.h>

#include <vector>

#include "plots/BufferedLayer.h"

namespace learn2add::ui {

class JudgeProbabilityPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit JudgeProbabilityPlot(QWidget* parent = nullptr);

    void showProbabilities(const std::vector<float>& probabilities);
    int readDigit() const { return read_; }  // -1 when nothing is shown
    double probability(int digit) const;

private:
    BufferedLayer barLayer_;
    QCPBars* bars_ = nullptr;
    QCPBars* readBar_ = nullptr;
    QCPTextElement* title_ = nullptr;
    int read_ = -1;
};

}  // namespace learn2add::ui
