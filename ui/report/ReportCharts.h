#pragma once
// The report's figures drawn with a QPainter alone (no widgets), so that they can be painted on a
// worker thread into a QImage (PNG at 2x), an SVG or a PDF page alike. Sizes are in device units
// with fonts set in pixels, so one point of a PDF at 72 dpi is one unit.
//
//   ChartSpec chart{.title = "Validation RMSE", .xLabel = "epoch", .yLabel = "RMSE"};
//   chart.series.push_back({"upsample", points, runColour(0)});
//   paintChart(painter, QRectF(0, 0, 480, 300), chart);

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>
#include <vector>

#include "data/HeldOutCells.h"
#include "infer/FigurePanels.h"

class QPainter;

namespace learn2add::infer {
struct AdditionGrid;
}

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

// How a figure is inked where it is painted: the report, the CLI and exports use the defaults
// (dark ink on white, the report's font sizes); the screen passes its palette's text colour, no
// background and its font's scale.
struct FigureInk {
    QColor ink{40, 40, 40};
    QColor background{Qt::white};  // transparent: nothing is filled
    double fontScale = 1.0;        // times the report's font sizes
};

// A digit image with its caption and the judge's reading (-1: none), as strips, sample rows and
// reconstructions show them.
struct DigitTile {
    QImage image;     // any size, grey or colour; null: the cell stays empty
    QString caption;  // under the image; empty: none
    int read = -1;    // "judge: n" under the caption; -1: none
};

// Digit tiles in rows of `columns`: square cells as large as fit in `area`, centred, enlarged
// without smoothing; a header over each column when `headers` is not empty; a caption line under
// the images when any tile has a caption (in a smaller font, then elided, where it is too wide for
// its column), and a reading line when any has a reading. The one painter of the digit strips,
// sample rows and reconstructions: the report's panel tables and the window's DigitMosaic.
void paintDigitTiles(QPainter& painter, const QRectF& area, const std::vector<DigitTile>& tiles,
                     int columns, const QStringList& headers = {}, const FigureInk& ink = {});
// The size that paintDigitTiles() needs for cells of `cell` units.
QSizeF digitTilesSize(const std::vector<DigitTile>& tiles, int columns, bool headers, double cell,
                      const FigureInk& ink = {});

// Rows of digit tiles (paintDigitTiles) with a label left of each row and a title on top.
void paintPanelTable(QPainter& painter, const QRectF& area, const std::vector<infer::PanelRow>& rows,
                     const QString& title);
// The size (in units) a panel table wants for `rows` at `panelSize` units per digit.
QSizeF panelTableSize(const std::vector<infer::PanelRow>& rows, double panelSize);

// [digit][addend]: the digit the judge read; -1 where there is no cell, no judge or no marks.
using GridReadings = std::array<std::array<int, 10>, 10>;

// The assignment's digit-by-addend grid, the one painter of it (report, CLI, window): column =
// input digit, row = addend, the canvas enlarged without smoothing, each cell with a reading
// framed green (read right) or red (read wrong) with the reading in its corner, axis ticks and
// titles, the title on top when not empty; cells held out of the run's training (heldOut) get a
// dashed blue frame and the x title says so. `canvas` is the 10 x 10 cells grey image (null: black).
void paintAdditionGrid(QPainter& painter, const QRectF& area, const QImage& canvas,
                       const GridReadings& read, const QString& title, const FigureInk& ink = {},
                       const data::HeldOutCells& heldOut = {});
// Where paintAdditionGrid() puts the canvas in `area` (for mapping clicks to cells).
QRectF additionGridCanvas(const QRectF& area, bool titled, const FigureInk& ink = {});
// A computed grid's canvas as an image (null when it has none).
QImage gridCanvasImage(const infer::AdditionGrid& grid);

}  // namespace learn2add::ui
