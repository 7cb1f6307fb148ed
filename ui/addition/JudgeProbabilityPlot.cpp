#include "addition/JudgeProbabilityPlot.h"

#include <algorithm>

#include "plots/PlotSetup.h"

namespace learn2add::ui {

// The bars and the title are on "main" (QCustomPlot's layer for what has no other), buffered;
// the axis rect, grid and axes keep their own, untouched buffers.
JudgeProbabilityPlot::JudgeProbabilityPlot(QWidget* parent)
    : QCustomPlot(parent), barLayer_(this, layer(QStringLiteral("main"))) {
    // The white background covers the whole widget: nothing beneath it needs repainting.
    setAttribute(Qt::WA_OpaquePaintEvent);
    title_ = setUpPlot(*this, tr("Judge's probabilities"), tr("The judge's reading"));
    bars_ = new QCPBars(xAxis, yAxis);
    bars_->setWidth(0.7);
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(QColor(150, 160, 175));
    readBar_ = new QCPBars(xAxis, yAxis);
    readBar_->setWidth(0.7);
    readBar_->setPen(Qt::NoPen);
    readBar_->setBrush(QColor(31, 119, 180));
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    xAxis->setTicker(ticker);
    xAxis->setRange(-0.6, 9.6);
    xAxis->setLabel(tr("digit"));
    yAxis->setRange(0.0, 1.02);
    yAxis->setLabel(tr("probability"));
    setMinimumSize(220, 150);
}

void JudgeProbabilityPlot::showProbabilities(const std::vector<float>& probabilities) {
    QVector<double> keys, values, readKey, readValue;
    read_ = -1;
    if (probabilities.size() == 10) {
        read_ = static_cast<int>(std::max_element(probabilities.begin(), probabilities.end()) -
                                 probabilities.begin());
        for (int d = 0; d < 10; ++d) {
            (d == read_ ? readKey : keys).push_back(d);
            (d == read_ ? readValue : values).push_back(probabilities[static_cast<std::size_t>(d)]);
        }
        title_->setText(
            tr("The judge reads %1 (%2%)")
                .arg(read_)
                .arg(100.0 * probabilities[static_cast<std::size_t>(read_)], 0, 'f', 1));
    } else {
        title_->setText(tr("Open a judge run to read the outputs"));
    }
    bars_->setData(keys, values, true);
    readBar_->setData(readKey, readValue, true);
    // The axes' ranges are fixed and the title keeps its row: only this layer changes.
    barLayer_.requestReplot();
}

double JudgeProbabilityPlot::probability(int digit) const {
    for (const QCPBars* bars : {bars_, readBar_}) {
        const auto found = bars->data()->findBegin(digit, false);
        if (found != bars->data()->constEnd() && found->key == digit) return found->value;
    }
    return 0.0;
}

}  // namespace learn2add::ui
