#pragma once
// The report's figures drawn with a QPainter alone (no widgets), so that they can be painted on a
// worker thread into a QImage (PNG at 2x), an SVG or a PDF page alike. Sizes are in device units
// with fonts set in pixels, so one point of a PDF at 72 dpi is one unit.
//
//   ChartSpec chart{.title = "Validation RMSE", .xLabel = "epoch", .yLabel = "RMSE"};
//   chart.series.push_back({"upsample", points, runColour(0)});
//   paintChart(painter, QRectF(0, 0, 480, 300), chart);

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "infer/AdditionEvaluation.h"
#include "infer/AdditionFigures.h"

class QPainter;

namespace learn2add::ui {

struct ChartSeries {
    QString name;
    std::vector<QPointF> points;
    QColor colour;
    bool dashed = false;
    std::optional<QPointF> marker;  // e.g. the best epoch, drawn as a filled circle
};

struct ChartSpec {
    QString title;
    QString xLabel;
    QString yLabel;
    std::vector<ChartSeries> series;
    bool logY = false;                   // non-positive values are left out
    bool integerX = false;               // x ticks on whole numbers only (epochs)
    std::optional<double> yMin, yMax;    // fixed range (after log when logY)
};

void paintChart(QPainter& painter, const QRectF& area, const ChartSpec& chart);

// Stacked bars: one bar per category, one stack part per layer (e.g. pairs per result digit,
// stacked by addend), with a legend of the layers.
struct BarSpec {
    QString title;
    QString xLabel;
    QString yLabel;
    QStringList categories;
    QStringList layers;
    std::vector<std::vector<double>> values;  // [category][layer]
};
void paintStackedBars(QPainter& painter, const QRectF& area, const BarSpec& bars);

// Rows of 32x32 digit panels with a caption above each and the judge's reading below (when
// known), a label left of each row and a title on top.
void paintPanelTable(QPainter& painter, const QRectF& area, const std::vector<infer::PanelRow>& rows,
                     const QString& title);
// The size (in units) a panel table wants for `rows` at `panelSize` units per digit.
QSizeF panelTableSize(const std::vector<infer::PanelRow>& rows, double panelSize);

// The assignment's digit-by-addend grid: column = input digit, row = addend, cells framed green
// (read right) or red (read wrong) when judged, with axis ticks and titles.
void paintAdditionGrid(QPainter& painter, const QRectF& area, const infer::AdditionGrid& grid,
                       const QString& title);

}  // namespace learn2add::ui
