#pragma once
// A QCustomPlot layer with its own paint buffer (QCPLayer::lmBuffered) for what changes often: a
// marker that follows a slider, bars that follow the latest output. Replotting it redraws only the
// layerables on it and blits the other layers' buffers, instead of redrawing every graph, axis
// and label. Requests coalesce: however many arrive in one event-loop pass, the layer is redrawn
// once, on the next pass. When QCustomPlot's buffers are invalid (the layers were just set up or
// the plot was resized), QCPLayer::replot() falls back to a full replot, so the result is always
// right.
//
// Threads and ownership: GUI thread only; a member of the plot it draws on, which it does not
// outlive.
//
//   plot->addLayer("marker", plot->layer("main"), QCustomPlot::limAbove);
//   BufferedLayer markers(plot, plot->layer("marker"));
//   line->setLayer(markers.layer());
//   line->point1->setCoords(x, 0);
//   markers.requestReplot();

class QCPLayer;
class QCustomPlot;

namespace learn2add::ui {

class BufferedLayer {
public:
    // Switches `layer` (a layer of `plot`) to lmBuffered.
    BufferedLayer(QCustomPlot* plot, QCPLayer* layer);

    QCPLayer* layer() const { return layer_; }
    // Redraws the layer on the next event-loop pass (once, however often it is asked).
    void requestReplot();
    bool replotPending() const { return pending_; }

private:
    QCustomPlot* plot_;
    QCPLayer* layer_;
    bool pending_ = false;
};

}  // namespace learn2add::ui
