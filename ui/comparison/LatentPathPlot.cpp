#include "comparison/LatentPathPlot.h"

#include <algorithm>
#include <cmath>

#include "plots/FigureExport.h"

namespace learn2add::ui {
namespace {

QCPLayer* addMarkLayer(QCustomPlot* plot) {
    plot->addLayer(QStringLiteral("mark"));  // above the highest layer
    return plot->layer(QStringLiteral("mark"));
}

}  // namespace

LatentPathPlot::LatentPathPlot(QWidget* parent)
    : CodeScatterPlot(parent), markLayer_(this, addMarkLayer(this)) {
    makeExportable(*this, tr("Latent path"));
    path_ = new QCPCurve(xAxis, yAxis);
    path_->setPen(QPen(QColor(20, 20, 20), 2.0));
    path_->removeFromLegend();
    integers_ = addGraph();
    integers_->setLineStyle(QCPGraph::lsNone);
    integers_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::white, 7));
    integers_->removeFromLegend();
    mark_ = addGraph();
    mark_->setLayer(markLayer_.layer());
    mark_->setLineStyle(QCPGraph::lsNone);
    mark_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(200, 0, 0), 2.5), Qt::NoBrush, 13));
    mark_->removeFromLegend();
    setMinimumSize(240, 240);
}

void LatentPathPlot::showPath(const std::vector<double>& xs, const std::vector<double>& ys,
                              const std::vector<double>& addends, int digit) {
    clearLabels();
    const std::size_t n = std::min({xs.size(), ys.size(), addends.size()});
    QVector<double> px, py, ix, iy;
    for (std::size_t k = 0; k < n; ++k) {
        px.append(xs[k]);
        py.append(ys[k]);
        const double rounded = std::round(addends[k]);
        if (std::abs(addends[k] - rounded) > 1e-6) continue;
        ix.append(xs[k]);
        iy.append(ys[k]);
        auto* label = new QCPItemText(this);
        label->position->setCoords(xs[k], ys[k]);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(5, 0, 0, 2));
        label->setFont(QFont(font().family(), font().pointSize() - 1, QFont::Bold));
        label->setText(QString::number(digit >= 0 ? digit + static_cast<int>(rounded)
                                                  : static_cast<int>(rounded)));
        labels_.push_back(label);
    }
    path_->setData(px, py);
    integers_->setData(ix, iy, true);
    // Widen the view to the path where it leaves the cloud of codes.
    if (n > 0) {
        const auto [xLow, xHigh] = std::minmax_element(px.begin(), px.end());
        const auto [yLow, yHigh] = std::minmax_element(py.begin(), py.end());
        const QCPRange x = xAxis->range(), y = yAxis->range();
        const double xPad = 0.05 * std::max(x.size(), *xHigh - *xLow);
        const double yPad = 0.05 * std::max(y.size(), *yHigh - *yLow);
        xAxis->setRange(std::min(x.lower, *xLow - xPad), std::max(x.upper, *xHigh + xPad));
        yAxis->setRange(std::min(y.lower, *yLow - yPad), std::max(y.upper, *yHigh + yPad));
    }
    replot(QCustomPlot::rpQueuedReplot);
}

void LatentPathPlot::clearPath() {
    clearLabels();
    path_->data()->clear();
    integers_->data()->clear();
    replot(QCustomPlot::rpQueuedReplot);
}

void LatentPathPlot::clearLabels() {
    for (QCPItemText* label : labels_) removeItem(label);
    labels_.clear();
}

void LatentPathPlot::markCode(double x, double y) {
    mark_->setData({x}, {y}, true);
    markLayer_.requestReplot();
}

void LatentPathPlot::hideMark() {
    mark_->data()->clear();
    markLayer_.requestReplot();
}

int LatentPathPlot::pathPointCount() const {
    return path_->dataCount();
}

bool LatentPathPlot::hasMark() const {
    return mark_->dataCount() > 0;
}

}  // namespace learn2add::ui
