#include "addition/CodeManifoldView.h"

#include <QFontInfo>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "plots/FigureExport.h"

namespace learn2add::ui {

CodeManifoldView::CodeManifoldView(QWidget* parent) : QWidget(parent) {
    makeExportable(*this, tr("Code manifold"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
}

void CodeManifoldView::showChart(ManifoldChart chart) {
    chart_ = std::move(chart);
    hasChart_ = true;
    update();
}

void CodeManifoldView::clear() {
    chart_ = {};
    hasChart_ = false;
    hover_.reset();
    clicked_.reset();
    update();
}

FigureInk CodeManifoldView::screenInk() const {
    FigureInk ink;
    ink.ink = palette().color(QPalette::WindowText);
    ink.background = Qt::transparent;
    ink.fontScale = std::max(1.0, QFontInfo(font()).pixelSize() / 8.0);
    return ink;
}

ManifoldLayout CodeManifoldView::layout() const {
    return manifoldLayout(QRectF(rect()), false, !chart_.planeText.isEmpty(), screenInk());
}

std::optional<QPointF> CodeManifoldView::planePointAt(const QPointF& position) const {
    if (!hasChart_) return std::nullopt;
    return manifoldPlanePoint(layout(), chart_.range, position);
}

QPointF CodeManifoldView::tilesPosition(const QPointF& point) const {
    const QRectF tiles = layout().tiles;
    const infer::PlaneRange& range = chart_.range;
    return {tiles.left() + (point.x() - range.xMin) / (range.xMax - range.xMin) * tiles.width(),
            tiles.bottom() - (point.y() - range.yMin) / (range.yMax - range.yMin) * tiles.height()};
}

void CodeManifoldView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    ManifoldChart shown = chart_;
    shown.marker = hover_ ? hover_ : clicked_;
    if (!hasChart_) shown.planeText = tr("No model yet: open an addition run or train one.");
    paintCodeManifold(painter, QRectF(rect()), shown, screenInk());
}

void CodeManifoldView::mouseMoveEvent(QMouseEvent* event) {
    const std::optional<QPointF> point = planePointAt(event->position());
    if (point == hover_) return;
    hover_ = point;
    update();
    if (point) Q_EMIT hovered(*point);
}

void CodeManifoldView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    const std::optional<QPointF> point = planePointAt(event->position());
    if (!point) return;
    clicked_ = point;
    update();
    Q_EMIT clicked(*point);
}

void CodeManifoldView::leaveEvent(QEvent*) {
    hover_.reset();
    update();
}

}  // namespace learn2add::ui
