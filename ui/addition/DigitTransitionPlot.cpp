#include "addition/DigitTransitionPlot.h"

#include "plots/PlotColours.h"
#include "plots/PlotSetup.h"

namespace learn2add::ui {
namespace {

// The layer of the addend marker, on top of all others: the layers beneath it then share one
// paint buffer, so a repaint blits two buffers instead of three. The marker is clipped to the
// axis rect, where only the curves and the axes' inward ticks lie beneath it.
QCPLayer* addTransitionMarkerLayer(QCustomPlot* plot) {
    plot->addLayer(QStringLiteral("marker"));  // above the highest layer
    return plot->layer(QStringLiteral("marker"));
}

}  // namespace

DigitTransitionPlot::DigitTransitionPlot(QWidget* parent)
    : QCustomPlot(parent), markerLayer_(this, addTransitionMarkerLayer(this)) {
    // The white background covers the whole widget: nothing beneath it needs repainting.
    setAttribute(Qt::WA_OpaquePaintEvent);
    title_ = setUpPlot(*this, tr("Digit transition over u"), tr("Transition"));
    for (int d = 0; d < 10; ++d) {
        QCPGraph* graph = addGraph();
        graph->setPen(QPen(digitColour(d), 2.0));
        graph->setName(QString::number(d));
        curves_[static_cast<std::size_t>(d)] = graph;
    }
    xAxis->setLabel(tr("added value u"));
    yAxis->setLabel(tr("judge probability"));
    yAxis->setRange(-0.02, 1.02);
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), font().pointSize() - 1));
    legend->setBorderPen(Qt::NoPen);
    legend->setWrap(5);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    legend->setColumnSpacing(8);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->addElement(2, 0, legend);
    plotLayout()->setRowStretchFactor(2, 0.001);
    marker_ = new QCPItemStraightLine(this);
    marker_->setLayer(markerLayer_.layer());
    marker_->setPen(QPen(QColor(90, 90, 90), 1.0, Qt::DashLine));
    marker_->point1->setCoords(0, 0);
    marker_->point2->setCoords(0, 1);
    setMinimumSize(240, 160);
}

void DigitTransitionPlot::showCurves(const std::vector<double>& addends,
                                     const std::array<std::vector<double>, 10>& probabilities,
                                     const QString& title) {
    const QVector<double> keys(addends.begin(), addends.end());
    for (int d = 0; d < 10; ++d) {
        const auto& values = probabilities[static_cast<std::size_t>(d)];
        if (values.size() == addends.size()) {
            curves_[static_cast<std::size_t>(d)]->setData(
                keys, QVector<double>(values.begin(), values.end()), true);
        } else {
            curves_[static_cast<std::size_t>(d)]->data()->clear();
        }
    }
    if (!addends.empty()) xAxis->setRange(addends.front(), addends.back());
    title_->setText(title);
    replot(QCustomPlot::rpQueuedReplot);
}

void DigitTransitionPlot::markAddend(double addend) {
    if (addend == markedAddend()) return;
    marker_->point1->setCoords(addend, 0);
    marker_->point2->setCoords(addend, 1);
    markerLayer_.requestReplot();
}

double DigitTransitionPlot::markedAddend() const {
    return marker_->point1->coords().x();
}

int DigitTransitionPlot::pointCount() const {
    return curves_[0]->dataCount();
}

}  // namespace learn2add::ui
