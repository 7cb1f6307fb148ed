#include "plots/CurvePlot.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "plots/EmaSmoothing.h"
#include "plots/PlotColours.h"
#include "plots/PlotSetup.h"

namespace learn2add::ui {
namespace {

constexpr int kReplotMs = 100;
constexpr double kReadoutRadius = 40.0;  // pixels

QVector<double> toVector(const std::vector<double>& values) {
    return QVector<double>(values.begin(), values.end());
}

QCPGraph* makeGraph(QCustomPlot* plot, const QPen& pen) {
    QCPGraph* graph = plot->addGraph();
    graph->setPen(pen);
    graph->setLineStyle(QCPGraph::lsLine);
    return graph;
}

}  // namespace

CurvePlot::CurvePlot(QWidget* parent) : QCustomPlot(parent) {
    title_ = setUpPlot(*this, tr("Training curves"));

    QSharedPointer<QCPAxisTickerFixed> epochTicker(new QCPAxisTickerFixed);
    epochTicker->setTickStep(1.0);
    epochTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    xAxis->setTicker(epochTicker);
    xAxis->setLabel(tr("epoch"));
    linearTicker_ = yAxis->ticker();
    logTicker_.reset(new QCPAxisTickerLog);
    logTicker_->setSubTickCount(8);
    yAxis->setNumberFormat("g");
    yAxis->setNumberPrecision(3);

    // The legend in rows of two under the plot, so that it never hides a curve.
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), font().pointSize() - 1));
    legend->setBorderPen(Qt::NoPen);
    legend->setWrap(2);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    legend->setMargins(QMargins(6, 0, 6, 2));
    legend->setColumnSpacing(16);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->addElement(2, 0, legend);
    plotLayout()->setRowStretchFactor(2, 0.001);

    // QCustomPlot's own "overlay" layer (topmost, buffered): hovering replots only that layer.
    layer("overlay")->setMode(QCPLayer::lmBuffered);
    tracer_ = new QCPItemTracer(this);
    tracer_->setLayer("overlay");
    tracer_->setStyle(QCPItemTracer::tsCircle);
    tracer_->setSize(9);
    tracer_->setInterpolating(false);
    tracer_->setVisible(false);
    readout_ = new QCPItemText(this);
    readout_->setLayer("overlay");
    readout_->setClipToAxisRect(false);
    readout_->position->setType(QCPItemPosition::ptAbsolute);
    readout_->position->setParentAnchor(tracer_->position);
    readout_->setPadding(QMargins(6, 3, 6, 3));
    readout_->setBrush(QColor(255, 255, 255, 235));
    readout_->setPen(QPen(QColor(120, 120, 120)));
    readout_->setTextAlignment(Qt::AlignLeft);
    readout_->setVisible(false);

    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    connect(this, &QCustomPlot::mouseMove, this, &CurvePlot::onMouseMove);
    connect(this, &QCustomPlot::mouseWheel, this, [this] { followData_ = false; });
    connect(this, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });

    replotTimer_.setSingleShot(true);
    replotTimer_.setInterval(kReplotMs);
    connect(&replotTimer_, &QTimer::timeout, this, &CurvePlot::replotNow);
    setValueLabel(tr("value"));
    fitAxes();
}

void CurvePlot::setTitle(const QString& title) {
    title_->setText(title);
    replotSoon();
}

void CurvePlot::setValueLabel(const QString& label) {
    yAxis->setLabel(label);
    replotSoon();
}

int CurvePlot::addSeries(const QString& name) {
    Series series;
    series.name = name;
    const QColor colour = runColour(static_cast<int>(series_.size()));
    QColor faint = colour;
    faint.setAlpha(70);
    series.validation = makeGraph(this, QPen(colour, 2.0));
    series.validation->setName(name);
    series.train = makeGraph(this, QPen(colour, 1.5, Qt::DashLine));
    series.train->removeFromLegend();
    series.validationRaw = makeGraph(this, QPen(faint, 1.0));
    series.trainRaw = makeGraph(this, QPen(faint, 1.0, Qt::DashLine));
    for (QCPGraph* raw : {series.validationRaw, series.trainRaw}) {
        raw->removeFromLegend();
        raw->setVisible(false);
    }
    series.best = addGraph();
    series.best->removeFromLegend();
    series.best->setLineStyle(QCPGraph::lsNone);
    series.best->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssStar, QPen(colour.darker(140), 1.5), colour, 13));
    series_.push_back(std::move(series));
    replotSoon();
    return static_cast<int>(series_.size()) - 1;
}

void CurvePlot::addPoint(int series, double epoch, double train, double validation) {
    Series& s = series_.at(static_cast<std::size_t>(series));
    s.epochs.push_back(epoch);
    s.trainValues.push_back(train);
    s.validationValues.push_back(validation);
    replotSoon();
}

void CurvePlot::setBest(int series, double epoch, double validation) {
    Series& s = series_.at(static_cast<std::size_t>(series));
    s.bestEpoch = epoch;
    s.bestValue = validation;
    replotSoon();
}

void CurvePlot::clearSeries() {
    tracer_->setGraph(nullptr);
    tracer_->setVisible(false);
    readout_->setVisible(false);
    for (const Series& s : series_) {
        for (QCPGraph* graph : {s.train, s.validation, s.trainRaw, s.validationRaw, s.best})
            removeGraph(graph);
    }
    series_.clear();
    followData_ = true;
    replotSoon();
}

void CurvePlot::setSmoothing(double weight) {
    smoothing_ = std::clamp(weight, 0.0, 0.99);
    replotSoon();
}

void CurvePlot::setLogScale(bool on) {
    logScale_ = on;
    yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    yAxis->setTicker(on ? QSharedPointer<QCPAxisTicker>(logTicker_) : linearTicker_);
    followData_ = true;
    replotSoon();
}

void CurvePlot::resetView() {
    followData_ = true;
    replotSoon();
}

void CurvePlot::replotSoon() {
    if (!replotTimer_.isActive()) replotTimer_.start();
}

void CurvePlot::replotNow() {
    replotTimer_.stop();
    legend->setVisible(!series_.empty());
    rebuildGraphs();
    if (followData_) fitAxes();
    replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::rebuildGraphs() {
    const bool smooth = smoothing_ > 0.0;
    for (const Series& s : series_) {
        const QVector<double> keys = toVector(s.epochs);
        const auto& train = s.trainValues;
        const auto& validation = s.validationValues;
        s.train->setData(keys, toVector(smooth ? emaSmooth(train, smoothing_) : train), true);
        s.validation->setData(
            keys, toVector(smooth ? emaSmooth(validation, smoothing_) : validation), true);
        s.trainRaw->setData(keys, toVector(train), true);
        s.validationRaw->setData(keys, toVector(validation), true);
        s.trainRaw->setVisible(smooth);
        s.validationRaw->setVisible(smooth);
        if (s.bestEpoch > 0) s.best->setData({s.bestEpoch}, {s.bestValue}, true);
    }
}

void CurvePlot::fitAxes() {
    double maxEpoch = 0.0;
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    for (const Series& s : series_) {
        if (!s.epochs.empty()) maxEpoch = std::max(maxEpoch, s.epochs.back());
        for (const auto* values : {&s.trainValues, &s.validationValues}) {
            for (const double v : *values) {
                if (!std::isfinite(v) || (logScale_ && v <= 0.0)) continue;
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
    }
    xAxis->setRange(0.5, std::max(2.0, maxEpoch) + 0.5);
    if (!std::isfinite(low)) {
        yAxis->setRange(logScale_ ? QCPRange(0.01, 1.0) : QCPRange(0.0, 0.3));
    } else if (logScale_) {
        yAxis->setRange(low / 1.15, high * 1.15);
    } else {
        const double margin =
            high > low ? 0.08 * (high - low) : std::max(0.01, 0.1 * std::abs(high));
        yAxis->setRange(low - margin, high + margin);
    }
}

void CurvePlot::onMouseMove(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) followData_ = false;  // dragging pans the view
    showReadoutAt(event->position());
    layer("overlay")->replot();
}

void CurvePlot::showReadoutAt(const QPointF& pixel) {
    const Series* nearestSeries = nullptr;
    bool nearestIsTrain = false;
    std::size_t nearestIndex = 0;
    double nearestDistance = kReadoutRadius;
    for (const Series& s : series_) {
        for (const bool isTrain : {false, true}) {
            const QCPGraph* graph = isTrain ? s.train : s.validation;
            if (!graph->visible()) continue;
            const auto data = graph->data();
            for (int i = 0; i < data->size(); ++i) {
                const QPointF point(xAxis->coordToPixel(data->at(i)->key),
                                    yAxis->coordToPixel(data->at(i)->value));
                const double distance = std::hypot(point.x() - pixel.x(), point.y() - pixel.y());
                if (distance < nearestDistance) {
                    nearestDistance = distance;
                    nearestSeries = &s;
                    nearestIsTrain = isTrain;
                    nearestIndex = static_cast<std::size_t>(i);
                }
            }
        }
    }
    if (!nearestSeries) {
        tracer_->setVisible(false);
        readout_->setVisible(false);
        return;
    }
    QCPGraph* graph = nearestIsTrain ? nearestSeries->train : nearestSeries->validation;
    const double epoch = nearestSeries->epochs[nearestIndex];
    const double raw = (nearestIsTrain ? nearestSeries->trainValues
                                       : nearestSeries->validationValues)[nearestIndex];
    const double shown = graph->data()->at(static_cast<int>(nearestIndex))->value;
    QString text = tr("%1 · %2\nepoch %3: %4")
                       .arg(nearestSeries->name, nearestIsTrain ? tr("train") : tr("validation"))
                       .arg(epoch)
                       .arg(raw, 0, 'g', 5);
    if (smoothing_ > 0.0) text += tr(" (smoothed %1)").arg(shown, 0, 'g', 5);
    if (!nearestIsTrain && epoch == nearestSeries->bestEpoch) text += tr("\nbest epoch");

    tracer_->setGraph(graph);
    tracer_->setGraphKey(epoch);
    tracer_->setPen(QPen(graph->pen().color(), 2.0));
    tracer_->setVisible(true);
    readout_->setText(text);
    const QRect area = axisRect()->rect();
    const QPointF at(xAxis->coordToPixel(epoch), yAxis->coordToPixel(shown));
    const bool left = at.x() > area.center().x();
    const bool below = at.y() < area.top() + 60;
    readout_->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) |
                                   (below ? Qt::AlignTop : Qt::AlignBottom));
    readout_->position->setCoords(left ? -10 : 10, below ? 10 : -10);
    readout_->setVisible(true);
}

QString CurvePlot::readoutText() const {
    return readout_->text();
}

bool CurvePlot::readoutVisible() const {
    return readout_->visible();
}

}  // namespace learn2add::ui
