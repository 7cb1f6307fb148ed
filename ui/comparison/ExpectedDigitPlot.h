#pragma once
// The transition plots of the compared models overlaid: for each model, the judge's expected digit
// sum_d p_d * d of its mean output as the addend u sweeps a range, one coloured curve per model
// (the slot's colour), with a dashed line for the exact sum digit + u and a vertical line at the
// current addend (on its own buffered layer, so that a slider drag redraws the line alone).
// GUI thread only.
//
//   plot->showCurves(addends, {aeCurve, vaeCurve, {}}, {"AE + P", "VAE + P", ""}, 7);
//   plot->markAddend(1.5);

#include <qcustomplot.h>

#include <array>
#include <vector>

#include "comparison/ComparisonViewTypes.h"
#include "plots/BufferedLayer.h"

namespace learn2add::ui {

class ExpectedDigitPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit ExpectedDigitPlot(QWidget* parent = nullptr);

    // curves[slot]: one value per addend, or empty for a slot with no curve. `digit` < 0 hides the
    // exact line.
    void showCurves(const std::vector<double>& addends,
                    const std::array<std::vector<double>, kComparisonSlots>& curves,
                    const std::array<QString, kComparisonSlots>& names, int digit);
    void clearCurves(const QString& title);
    void markAddend(double addend);
    double markedAddend() const;

    QCPGraph* modelGraph(int slot) const { return models_.at(static_cast<std::size_t>(slot)); }
    int modelCurveCount() const;  // the models' curves that have points
    QCPGraph* exactGraph() const { return exact_; }

private:
    std::array<QCPGraph*, kComparisonSlots> models_{};
    QCPGraph* exact_ = nullptr;
    BufferedLayer markerLayer_;
    QCPItemStraightLine* marker_ = nullptr;
    QCPTextElement* title_ = nullptr;
};

}  // namespace learn2add::ui
