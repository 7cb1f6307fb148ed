#pragma once
// The transition plot: the judge's probability of each digit (10 coloured curves, with a legend)
// as the addend sweeps a range for one input, showing at a glance what fractional addends do.
// A vertical line marks the current addend. The line lives on its own buffered layer: moving it
// (on every step of a slider drag) redraws only the line, never the curves. GUI thread only.
//
//   auto* plot = new DigitTransitionPlot;
//   plot->showCurves(addends, probabilities, tr("7 + u"));   // probabilities[digit][point]
//   plot->markAddend(1.5);

#include <qcustomplot.h>

#include <array>
#include <vector>

#include "plots/BufferedLayer.h"

namespace learn2add::ui {

class DigitTransitionPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit DigitTransitionPlot(QWidget* parent = nullptr);

    void showCurves(const std::vector<double>& addends,
                    const std::array<std::vector<double>, 10>& probabilities, const QString& title);
    // Moves the line; it is redrawn on the next event-loop pass, alone.
    void markAddend(double addend);
    double markedAddend() const;
    int pointCount() const;  // per curve

private:
    std::array<QCPGraph*, 10> curves_{};
    BufferedLayer markerLayer_;
    QCPItemStraightLine* marker_ = nullptr;
    QCPTextElement* title_ = nullptr;
};

}  // namespace learn2add::ui
