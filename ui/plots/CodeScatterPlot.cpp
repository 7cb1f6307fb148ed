#include "plots/CodeScatterPlot.h"

#include <algorithm>

#include "plots/PlotColours.h"
#include "plots/PlotSetup.h"

namespace learn2add::ui {
namespace {
constexpr int kDigits = 10;
}

CodeScatterPlot::CodeScatterPlot(QWidget* parent) : QCustomPlot(parent) {
    title_ = setUpPlot(*this, tr("Code scatter"));
    xAxis->setLabel("z₁");
    yAxis->setLabel("z₂");

    for (int d = 0; d < kDigits; ++d) {
        QCPGraph* graph = addGraph();
        graph->setName(QString::number(d));
        graph->setLineStyle(QCPGraph::lsNone);
        QColor colour = digitColour(d);
        colour.setAlpha(190);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 4.5));
        graph->setPen(QPen(colour));
        digits_.append(graph);
    }
    // The legend as one row under the plot, so it never hides points.
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), font().pointSize() - 1));
    legend->setWrap(kDigits / 2);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);  // two rows of five
    legend->setBorderPen(Qt::NoPen);
    legend->setIconSize(10, 10);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->addElement(2, 0, legend);
    plotLayout()->setRowStretchFactor(2, 0.001);
    legend->setMargins(QMargins(4, 0, 4, 2));
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    xAxis->setRange(-1, 1);
    yAxis->setRange(-1, 1);
}

void CodeScatterPlot::showCodes(const std::vector<float>& codes,
                                const std::vector<std::uint8_t>& labels, const QString& title) {
    QVector<double> xs[kDigits], ys[kDigits];
    const std::size_t n = std::min(codes.size() / 2, labels.size());
    for (std::size_t i = 0; i < n; ++i) {
        const int digit = labels[i];
        if (digit >= kDigits) continue;
        xs[digit].append(codes[2 * i]);
        ys[digit].append(codes[2 * i + 1]);
    }
    for (int d = 0; d < kDigits; ++d) digits_[d]->setData(xs[d], ys[d]);
    title_->setText(title);
    rescaleAxes();
    xAxis->scaleRange(1.08, xAxis->range().center());
    yAxis->scaleRange(1.08, yAxis->range().center());
    replot(QCustomPlot::rpQueuedReplot);
}

void CodeScatterPlot::clear(const QString& title) {
    for (QCPGraph* graph : digits_) graph->data()->clear();
    title_->setText(title);
    xAxis->setRange(-1, 1);
    yAxis->setRange(-1, 1);
    replot(QCustomPlot::rpQueuedReplot);
}

int CodeScatterPlot::pointCount() const {
    int count = 0;
    for (const QCPGraph* graph : digits_) count += graph->dataCount();
    return count;
}

}  // namespace learn2add::ui
