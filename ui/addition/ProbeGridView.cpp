#include "addition/ProbeGridView.h"

#include <QPainter>

#include "plots/FigureExport.h"
#include "widgets/ScreenInk.h"

namespace learn2add::ui {

ProbeGridView::ProbeGridView(QWidget* parent) : QWidget(parent) {
    makeExportable(*this, tr("Algebra probe per cell"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ProbeGridView::showProbes(const infer::AlgebraProbes& probes) {
    probes_ = probes;
    update();
}

void ProbeGridView::clear() {
    probes_.reset();
    update();
}

void ProbeGridView::setKind(ProbeKind kind) {
    kind_ = kind;
    update();
}

void ProbeGridView::paintEvent(QPaintEvent*) {
    if (!probes_) return;
    QPainter painter(this);
    paintProbeGrids(painter, QRectF(rect()), *probes_, {kind_}, screenInk(*this, 8.0));
}

}  // namespace learn2add::ui
