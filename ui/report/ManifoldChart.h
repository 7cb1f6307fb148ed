#pragma once
// The code manifold figure (infer/CodeManifold.h), the one painter of it (window, report, CLI): on
// the left the decoder's tiles over a rectangle of the code plane, on the right the validation codes
// in the same rectangle as a scatter coloured by digit, with shared axes, a legend of the digits
// and a line saying what the plane is (a code-2 model's own plane, or a slice for a larger code).
// A marked point of the plane is drawn on both panels.
//
//   ManifoldChart chart{.canvas = tiles, .range = range, .points = xy, .labels = digits};
//   paintCodeManifold(painter, QRectF(0, 0, 640, 380), chart);
//   std::optional<QPointF> p = manifoldPlanePoint(manifoldLayout(rect, false, ink), range, mouse);

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

#include "infer/PlaneRange.h"
#include "report/ReportCharts.h"

class QPainter;

namespace learn2add::infer {
struct CodeManifold;
struct CodePlane;
}  // namespace learn2add::infer

namespace learn2add::ui {

struct ManifoldChart {
    QImage canvas;                      // the decoded tiles (row 0 at the top); null: black
    infer::PlaneRange range;            // what the canvas and the scatter cover
    std::vector<float> points;          // the codes in the plane: x0, y0, x1, y1, ...
    std::vector<std::uint8_t> labels;   // the digit of each point
    QString title;                      // on top; empty: none
    QString xLabel = QStringLiteral("z1");
    QString yLabel = QStringLiteral("z2");
    QString planeText;                  // the line under the panels; empty: none
    std::optional<QPointF> marker;      // a point of the plane marked on both panels
};

struct ManifoldLayout {
    QRectF tiles;    // the left panel (square)
    QRectF scatter;  // the right panel (square, same size)
};

// Where paintCodeManifold() puts its two panels in `area`.
ManifoldLayout manifoldLayout(const QRectF& area, bool titled, bool planeText, const FigureInk& ink = {});
void paintCodeManifold(QPainter& painter, const QRectF& area, const ManifoldChart& chart,
                       const FigureInk& ink = {});
// A plane point's position in a panel (y up), and the mark of a point on both panels (what
// paintCodeManifold() draws for chart.marker; a view draws it over a cached figure).
QPointF manifoldPanelPosition(const QRectF& panel, const infer::PlaneRange& range, const QPointF& point);
void paintManifoldMarker(QPainter& painter, const ManifoldLayout& layout, const infer::PlaneRange& range,
                         const QPointF& point);
// The point of the plane under `position` in either panel; nullopt outside both.
std::optional<QPointF> manifoldPlanePoint(const ManifoldLayout& layout, const infer::PlaneRange& range,
                                          const QPointF& position);
// The chart of a decoded manifold over a fitted plane: its tiles as one canvas, the plane's codes,
// axis names (z1, z2 for a code-2 model, PC 1, PC 2 for a slice) and the plane's description.
ManifoldChart manifoldChart(const infer::CodePlane& plane, const infer::CodeManifold& manifold);
// The tiles of a decoded manifold as one grey image (steps x tile size square; null when none).
QImage manifoldCanvas(const infer::CodeManifold& manifold);

// The figure's natural size in units (report and CLI).
QSizeF manifoldFigureSize();

}  // namespace learn2add::ui
