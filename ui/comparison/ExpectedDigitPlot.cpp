#include "comparison/ExpectedDigitPlot.h"

#include <algorithm>

#include "plots/PlotColours.h"
#include "plots/PlotSetup.h"

namespace learn2add::ui {
namespace {

QCPLayer* addExpectedDigitMarkerLayer(QCustomPlot* plot) {
    plot->addLayer(QStringLiteral("marker"));  // above the highest layer
    return plot->layer(QStringLiteral("marker"));
}

}  // namespace

ExpectedDigitPlot::ExpectedDigitPlot(QWidget* parent)
    : QCustomPlot(parent), markerLayer_(this, addExpectedDigitMarkerLayer(this)) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    title_ = setUpPlot(*this, tr("Expected digit over u"), tr("Expected digit"));
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        QCPGraph* graph = addGraph();
        graph->setPen(QPen(runColour(slot), 2.0));
        graph->removeFromLegend();
        models_[static_cast<std::size_t>(slot)] = graph;
    }
    exact_ = addGraph();
    exact_->setPen(QPen(QColor(110, 110, 110), 1.2, Qt::DashLine));
    exact_->setName(tr("digit + u"));
    exact_->removeFromLegend();
    xAxis->setLabel(tr("added value u"));
    yAxis->setLabel(tr("judge's expected digit Σ p_d·d"));
    yAxis->setRange(0, 9.5);
    legend->setFont(QFont(font().family(), font().pointSize() - 1));
    legend->setBrush(QColor(255, 255, 255, 210));
    legend->setBorderPen(QPen(QColor(200, 200, 200)));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    marker_ = new QCPItemStraightLine(this);
    marker_->setLayer(markerLayer_.layer());
    marker_->setPen(QPen(QColor(90, 90, 90), 1.0, Qt::DotLine));
    marker_->point1->setCoords(0, 0);
    marker_->point2->setCoords(0, 1);
    setMinimumSize(280, 200);
}

void ExpectedDigitPlot::showCurves(const std::vector<double>& addends,
                                   const std::array<std::vector<double>, kComparisonSlots>& curves,
                                   const std::array<QString, kComparisonSlots>& names, int digit) {
    const QVector<double> keys(addends.begin(), addends.end());
    legend->clearItems();
    double low = digit >= 0 ? digit : 9.0, high = digit >= 0 ? digit : 0.0;
    if (digit >= 0 && !addends.empty()) high = digit + addends.back();
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        QCPGraph* graph = models_[static_cast<std::size_t>(slot)];
        const auto& values = curves[static_cast<std::size_t>(slot)];
        if (values.size() != addends.size() || values.empty()) {
            graph->data()->clear();
            continue;
        }
        graph->setData(keys, QVector<double>(values.begin(), values.end()), true);
        graph->setName(names[static_cast<std::size_t>(slot)]);
        graph->addToLegend();
        low = std::min(low, *std::min_element(values.begin(), values.end()));
        high = std::max(high, *std::max_element(values.begin(), values.end()));
    }
    if (digit >= 0 && !addends.empty()) {
        exact_->setData({addends.front(), addends.back()},
                        {digit + addends.front(), digit + addends.back()}, true);
        exact_->addToLegend();
    } else {
        exact_->data()->clear();
    }
    legend->setVisible(legend->itemCount() > 0);
    if (!addends.empty()) xAxis->setRange(addends.front(), addends.back());
    if (high >= low) yAxis->setRange(std::max(-0.2, low - 0.5), std::min(9.7, high + 0.5));
    title_->setText(digit >= 0 ? tr("Judge's expected digit for %1 + u").arg(digit)
                               : tr("Judge's expected digit for the input + u"));
    replot(QCustomPlot::rpQueuedReplot);
}

void ExpectedDigitPlot::clearCurves(const QString& title) {
    for (QCPGraph* graph : models_) graph->data()->clear();
    exact_->data()->clear();
    legend->clearItems();
    legend->setVisible(false);
    title_->setText(title);
    replot(QCustomPlot::rpQueuedReplot);
}

void ExpectedDigitPlot::markAddend(double addend) {
    if (addend == markedAddend()) return;
    marker_->point1->setCoords(addend, 0);
    marker_->point2->setCoords(addend, 1);
    markerLayer_.requestReplot();
}

double ExpectedDigitPlot::markedAddend() const {
    return marker_->point1->coords().x();
}

int ExpectedDigitPlot::modelCurveCount() const {
    return static_cast<int>(std::count_if(models_.begin(), models_.end(),
                                          [](const QCPGraph* g) { return g->dataCount() > 0; }));
}

}  // namespace learn2add::ui
