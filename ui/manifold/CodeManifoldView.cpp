#include "manifold/CodeManifoldView.h"

#include <QFontInfo>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "plots/FigureExport.h"
#include "widgets/ScreenInk.h"

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

void CodeManifoldView::clear(const QString& emptyText) {
    chart_ = {};
    emptyText_ = emptyText;
    hasChart_ = false;
    hover_.reset();
    clicked_.reset();
    update();
}

ManifoldLayout CodeManifoldView::layout() const {
    return manifoldLayout(QRectF(rect()), false, !chart_.planeText.isEmpty(), screenInk(*this, 8.0));
}

std::optional<QPointF> CodeManifoldView::planePointAt(const QPointF& position) const {
    if (!hasChart_) return std::nullopt;
    return manifoldPlanePoint(layout(), chart_.range, position);
}

QPointF CodeManifoldView::tilesPosition(const QPointF& point) const {
    return manifoldPanelPosition(layout().tiles, chart_.range, point);
}

void CodeManifoldView::paintEvent(QPaintEvent*) {
    // Vectors every time (an export renders this too); the mark is drawn over the figure.
    QPainter painter(this);
    if (!hasChart_) {
        ManifoldChart empty;
        empty.planeText = emptyText_;
        paintCodeManifold(painter, QRectF(rect()), empty, screenInk(*this, 8.0));
        return;
    }
    paintCodeManifold(painter, QRectF(rect()), chart_, screenInk(*this, 8.0));
    if (const std::optional<QPointF> mark = hover_ ? hover_ : clicked_) {
        paintManifoldMarker(painter, layout(), chart_.range, *mark);
    }
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
