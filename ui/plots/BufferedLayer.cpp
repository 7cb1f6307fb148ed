#include "plots/BufferedLayer.h"

#include <qcustomplot.h>

namespace learn2add::ui {

BufferedLayer::BufferedLayer(QCustomPlot* plot, QCPLayer* layer) : plot_(plot), layer_(layer) {
    Q_ASSERT(plot_ && layer_ && layer_->parentPlot() == plot_);
    layer_->setMode(QCPLayer::lmBuffered);
}

void BufferedLayer::requestReplot() {
    if (pending_) return;
    pending_ = true;
    // Queued on the plot: dropped with it if it is destroyed first.
    QMetaObject::invokeMethod(
        plot_,
        [this] {
            pending_ = false;
            layer_->replot();
        },
        Qt::QueuedConnection);
}

}  // namespace learn2add::ui
