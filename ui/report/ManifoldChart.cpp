#include "report/ManifoldChart.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "infer/CodeManifold.h"
#include "plots/PlotColours.h"
#include "report/ChartParts.h"

namespace learn2add::ui {
namespace {

using namespace chart;

constexpr int kDigits = 10;

}  // namespace

QPointF manifoldPanelPosition(const QRectF& panel, const infer::PlaneRange& range, const QPointF& point) {
    return {panel.left() + (point.x() - range.xMin) / (range.xMax - range.xMin) * panel.width(),
            panel.bottom() - (point.y() - range.yMin) / (range.yMax - range.yMin) * panel.height()};
}

namespace {

void markPanel(QPainter& painter, const QRectF& panel, const infer::PlaneRange& range, const QPointF& point,
                double width) {
    const QPointF at = manifoldPanelPosition(panel, range, point);
    if (!panel.contains(at)) return;
    painter.save();
    painter.setClipRect(panel);
    painter.setBrush(Qt::NoBrush);
    // A dark line under a light one: visible on the black tiles and on the white scatter alike.
    for (const QPen& pen : {QPen(QColor(0, 0, 0, 170), width * 2.2), QPen(QColor(255, 200, 40), width)}) {
        painter.setPen(pen);
        painter.drawLine(QPointF(panel.left(), at.y()), QPointF(panel.right(), at.y()));
        painter.drawLine(QPointF(at.x(), panel.top()), QPointF(at.x(), panel.bottom()));
        painter.drawEllipse(at, width * 4.0, width * 4.0);
    }
    painter.restore();
}

}  // namespace

void paintManifoldMarker(QPainter& painter, const ManifoldLayout& layout, const infer::PlaneRange& range,
                         const QPointF& point) {
    if (!(range.xMax > range.xMin) || !(range.yMax > range.yMin)) return;
    const double width = std::max(1.0, layout.tiles.width() / 300.0);
    markPanel(painter, layout.tiles, range, point, width);
    markPanel(painter, layout.scatter, range, point, width);
}

ManifoldLayout manifoldLayout(const QRectF& area, bool titled, bool planeText, const FigureInk& ink) {
    const double tick = kTickFont * ink.fontScale;
    const double label = kLabelFont * ink.fontScale;
    const double top = titled ? kTitleFont * ink.fontScale * 2.0 : tick * 0.8;
    const double left = label * 1.6 + tick * 3.6;                                // y title and ticks
    const double bottom = tick * 1.6 + label * 1.7 + (planeText ? label * 1.6 : 0.0);  // x ticks, title
    const double gap = tick * 2.0;
    const double legend = tick * 2.4;                                             // right of the scatter
    const double side = std::max(10.0, std::min((area.width() - left - gap - legend) / 2.0,
                                                area.height() - top - bottom));
    const double x0 = area.left() + left + std::max(0.0, (area.width() - left - gap - legend - 2 * side) / 2.0);
    const QRectF tiles(std::round(x0), std::round(area.top() + top), std::floor(side), std::floor(side));
    return {tiles, tiles.translated(std::round(side + gap), 0.0)};
}

void paintCodeManifold(QPainter& painter, const QRectF& area, const ManifoldChart& chart,
                       const FigureInk& ink) {
    painter.save();
    if (ink.background.alpha() > 0) painter.fillRect(area, ink.background);
    if (!chart.title.isEmpty()) drawTitle(painter, area, chart.title);
    const double tick = kTickFont * ink.fontScale;
    const double label = kLabelFont * ink.fontScale;
    const ManifoldLayout layout = manifoldLayout(area, !chart.title.isEmpty(), !chart.planeText.isEmpty(), ink);
    const infer::PlaneRange& range = chart.range;
    const bool ranged = range.xMax > range.xMin && range.yMax > range.yMin;

    painter.fillRect(layout.tiles, Qt::black);
    if (!chart.canvas.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(layout.tiles, chart.canvas);
    }
    painter.fillRect(layout.scatter, Qt::white);
    if (ranged) {
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setClipRect(layout.scatter);
        painter.setPen(Qt::NoPen);
        const double radius = std::max(0.8, layout.scatter.width() / 260.0);
        const std::size_t count = std::min(chart.labels.size(), chart.points.size() / 2);
        for (std::size_t i = 0; i < count; ++i) {
            QColor colour = digitColour(chart.labels[i]);
            colour.setAlpha(170);
            painter.setBrush(colour);
            painter.drawEllipse(manifoldPanelPosition(layout.scatter, range, QPointF(chart.points[2 * i], chart.points[2 * i + 1])),
                                radius, radius);
        }
        painter.restore();
    }
    painter.setPen(QPen(ink.ink, 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(layout.tiles);
    painter.drawRect(layout.scatter);

    // Shared axes: x ticks under both panels, y ticks left of the tiles.
    painter.setFont(font(tick));
    if (ranged) {
        for (const QRectF& panel : {layout.tiles, layout.scatter}) {
            for (double t : niceTicks(range.xMin, range.xMax, 4)) {
                const double x = manifoldPanelPosition(panel, range, QPointF(t, range.yMin)).x();
                painter.drawLine(QPointF(x, panel.bottom()), QPointF(x, panel.bottom() + tick * 0.35));
                painter.drawText(QRectF(x - tick * 3, panel.bottom() + tick * 0.3, tick * 6, tick * 1.3),
                                 Qt::AlignCenter, tickText(t));
            }
        }
        for (double t : niceTicks(range.yMin, range.yMax, 4)) {
            const double y = manifoldPanelPosition(layout.tiles, range, QPointF(range.xMin, t)).y();
            painter.drawLine(QPointF(layout.tiles.left() - tick * 0.35, y), QPointF(layout.tiles.left(), y));
            painter.drawText(QRectF(layout.tiles.left() - tick * 3.7, y - tick * 0.7, tick * 3.2, tick * 1.4),
                             Qt::AlignRight | Qt::AlignVCenter, tickText(t));
        }
    }
    // The digits' colours, a column right of the scatter.
    for (int d = 0; d < kDigits; ++d) {
        const double y = layout.scatter.top() + tick * 1.5 * d;
        painter.setPen(digitColour(d));
        painter.setFont(font(tick, true));
        painter.drawText(QRectF(layout.scatter.right() + tick * 0.5, y, tick * 1.6, tick * 1.4),
                         Qt::AlignLeft | Qt::AlignVCenter, QString::number(d));
    }
    painter.setPen(ink.ink);
    painter.setFont(font(label));
    const double titleTop = layout.tiles.bottom() + tick * 1.7;
    const QRectF both(layout.tiles.left(), titleTop, layout.scatter.right() - layout.tiles.left(), label * 1.6);
    painter.drawText(QRectF(layout.tiles.left(), titleTop, layout.tiles.width(), label * 1.6), Qt::AlignCenter,
                     QStringLiteral("decoded: D(%1, %2)").arg(chart.xLabel, chart.yLabel));
    painter.drawText(QRectF(layout.scatter.left(), titleTop, layout.scatter.width(), label * 1.6),
                     Qt::AlignCenter, QStringLiteral("validation codes in (%1, %2)").arg(chart.xLabel, chart.yLabel));
    if (!chart.planeText.isEmpty()) {
        painter.setFont(fittedFont(chart.planeText, label, both.width() + tick * 2.4, 6.0));
        painter.drawText(both.translated(0.0, label * 1.6), Qt::AlignCenter, chart.planeText);
    }
    painter.save();
    painter.setFont(font(label));
    painter.translate(layout.tiles.left() - tick * 3.8 - label * 1.5, layout.tiles.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-layout.tiles.height() / 2, 0, layout.tiles.height(), label * 1.5), Qt::AlignCenter,
                     chart.yLabel);
    painter.restore();

    if (chart.marker) paintManifoldMarker(painter, layout, range, *chart.marker);
    painter.restore();
}

std::optional<QPointF> manifoldPlanePoint(const ManifoldLayout& layout, const infer::PlaneRange& range,
                                          const QPointF& position) {
    for (const QRectF& panel : {layout.tiles, layout.scatter}) {
        if (!panel.contains(position) || panel.width() <= 0 || panel.height() <= 0) continue;
        const double x = range.xMin + (position.x() - panel.left()) / panel.width() * (range.xMax - range.xMin);
        const double y = range.yMax - (position.y() - panel.top()) / panel.height() * (range.yMax - range.yMin);
        return QPointF(x, y);
    }
    return std::nullopt;
}

QImage manifoldCanvas(const infer::CodeManifold& manifold) {
    const int size = manifold.tileSize;
    const int steps = manifold.steps;
    if (steps <= 0 || size <= 0 || manifold.tiles.size() != static_cast<std::size_t>(steps) * steps) return {};
    QImage canvas(steps * size, steps * size, QImage::Format_Grayscale8);
    canvas.fill(0);
    for (int row = 0; row < steps; ++row) {
        for (int column = 0; column < steps; ++column) {
            const infer::GreyImage& tile = manifold.tiles[static_cast<std::size_t>(row) * steps + column];
            if (tile.rows != size || tile.cols != size) continue;
            for (int y = 0; y < size; ++y) {
                std::copy_n(tile.pixels.data() + static_cast<std::size_t>(y) * size, size,
                            canvas.scanLine(row * size + y) + column * size);
            }
        }
    }
    return canvas;
}

ManifoldChart manifoldChart(const infer::CodePlane& plane, const infer::CodeManifold& manifold) {
    ManifoldChart chart;
    chart.canvas = manifoldCanvas(manifold);
    chart.range = manifold.range;
    chart.points = plane.points;
    chart.labels = plane.labels;
    if (plane.projection.isSlice()) {
        chart.xLabel = QStringLiteral("PC 1");
        chart.yLabel = QStringLiteral("PC 2");
    }
    chart.planeText = QString::fromStdString(plane.describe());
    return chart;
}

QSizeF manifoldFigureSize() {
    return {620.0, 350.0};
}

}  // namespace learn2add::ui
