#pragma once
// Two-dimensional codes of digits as a scatter, one colour (and legend entry) per digit: how an
// autoencoder with code size 2 lays out the validation set. Drag pans, the wheel zooms; every
// showCodes() fits the axes again. GUI thread only.
//
//   plot->showCodes(report.codes2d, report.codeLabels, "validation codes, epoch 12");

#include <qcustomplot.h>

#include <cstdint>
#include <vector>

namespace learn2add::ui {

class CodeScatterPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit CodeScatterPlot(QWidget* parent = nullptr);

    // `codes` holds x0, y0, x1, y1, ...; `labels` the digit of each point (0..9; others are
    // skipped).
    void showCodes(const std::vector<float>& codes, const std::vector<std::uint8_t>& labels,
                   const QString& title);
    void clear(const QString& title);

    int pointCount() const;
    QCPGraph* digitGraph(int digit) const { return digits_.at(digit); }

private:
    QList<QCPGraph*> digits_;
    QCPTextElement* title_ = nullptr;
};

}  // namespace learn2add::ui
