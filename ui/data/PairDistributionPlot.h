#pragma once
// Bar chart of the addition pairs per result digit, stacked by addend: the picture that answers the
// assignment's "is this dataset balanced?". GUI thread only.

#include <qcustomplot.h>

#include "data/AdditionPairs.h"

namespace learn2add::ui {

class PairDistributionPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit PairDistributionPlot(QWidget* parent = nullptr);

    // Replaces the bars with the counts of `pairs`; `title` names the split.
    void showPairs(const data::AdditionPairSet& pairs, const QString& title);
    // The stacked bar series, one per addend 0..9 (bottom to top).
    const QList<QCPBars*>& addendBars() const { return bars_; }

private:
    QList<QCPBars*> bars_;
    QCPTextElement* title_ = nullptr;
};

}  // namespace learn2add::ui
