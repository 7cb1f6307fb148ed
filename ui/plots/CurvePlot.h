#pragma once
// Training curves of several runs overlaid: per run, the validation metric as a solid line (in the
// legend under the plot, with the run's name), the train metric dashed in the same colour, and the
// best epoch as a star. Hovering shows the exact value of the nearest point; drag pans, the wheel
// zooms, a double click (or resetView()) follows the data again. Optional log y-axis and
// TensorBoard-style EMA smoothing (the raw curves stay visible, faint, while smoothing is on).
//
// Redraws are throttled: adding points only marks the plot stale; a single-shot timer (100 ms)
// rebuilds the graphs and calls replot(rpQueuedReplot). GUI thread only.
//
//   auto* plot = new CurvePlot;
//   const int run = plot->addSeries("upsample · L2 · code 7");
//   plot->addPoint(run, 1, 0.21, 0.20);      // epoch, train, validation
//   plot->setBest(run, 1, 0.20);

#include <qcustomplot.h>

#include <QTimer>
#include <vector>

namespace learn2add::ui {

class CurvePlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit CurvePlot(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setValueLabel(const QString& label);  // the y-axis label, e.g. "RMSE per pixel"

    // Adds a run (coloured with runColour(index)); returns its index.
    int addSeries(const QString& name);
    void addPoint(int series, double epoch, double train, double validation);
    void setBest(int series, double epoch, double validation);
    void clearSeries();
    int seriesCount() const { return static_cast<int>(series_.size()); }

    // 0 (off) .. 0.99; see emaSmooth().
    void setSmoothing(double weight);
    double smoothing() const { return smoothing_; }
    void setLogScale(bool on);
    bool logScale() const { return logScale_; }
    // Fits the axes to the data and keeps following it as points arrive (until the user
    // pans/zooms).
    void resetView();
    bool followsData() const { return followData_; }

    // Throttled redraw (what addPoint() and the setters use) and an immediate one.
    void replotSoon();
    void replotNow();

    // For tests and the hover readout.
    QCPGraph* trainGraph(int series) const { return series_.at(series).train; }
    QCPGraph* validationGraph(int series) const { return series_.at(series).validation; }
    QCPGraph* bestMarker(int series) const { return series_.at(series).best; }
    // Moves the readout to the point nearest to `pixel` (within 40 px); hides it otherwise.
    void showReadoutAt(const QPointF& pixel);
    QString readoutText() const;
    bool readoutVisible() const;

private:
    struct Series {
        QString name;
        std::vector<double> epochs, trainValues, validationValues;
        double bestEpoch = 0.0, bestValue = 0.0;
        QCPGraph* train = nullptr;
        QCPGraph* validation = nullptr;
        QCPGraph* trainRaw = nullptr;  // faint raw curves, shown while smoothing
        QCPGraph* validationRaw = nullptr;
        QCPGraph* best = nullptr;
    };

    void rebuildGraphs();
    void fitAxes();
    void onMouseMove(QMouseEvent* event);

    std::vector<Series> series_;
    double smoothing_ = 0.0;
    bool logScale_ = false;
    bool followData_ = true;
    QTimer replotTimer_;
    QCPTextElement* title_ = nullptr;
    QCPItemTracer* tracer_ = nullptr;
    QCPItemText* readout_ = nullptr;
    QSharedPointer<QCPAxisTicker> linearTicker_;
    QSharedPointer<QCPAxisTickerLog> logTicker_;
};

}  // namespace learn2add::ui
