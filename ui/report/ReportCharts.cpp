#include "report/ReportCharts.h"

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>

#include "infer/AdditionEvaluation.h"
#include "report/ChartParts.h"
#include "plots/PlotColours.h"

namespace learn2add::ui {
namespace {

using namespace chart;

// The plot frame inside `area` after the title, the axis titles and the tick labels.
QRectF plotFrame(const QRectF& area, bool hasTitle) {
    const double top = area.top() + (hasTitle ? kTitleFont * 2.0 : 6.0);
    const double left = area.left() + kLabelFont * 1.6 + kTickFont * 4.2;
    const double bottom = area.bottom() - kLabelFont * 1.8 - kTickFont * 1.6;
    return QRectF(QPointF(left, top), QPointF(area.right() - 8.0, bottom));
}

void drawAxisTitles(QPainter& painter, const QRectF& area, const QRectF& frame, const QString& x,
                    const QString& y) {
    painter.setFont(font(kLabelFont));
    painter.setPen(kInk);
    painter.drawText(QRectF(frame.left(), area.bottom() - kLabelFont * 1.7, frame.width(), kLabelFont * 1.6),
                     Qt::AlignCenter, x);
    painter.save();
    painter.translate(area.left() + kLabelFont * 0.2, frame.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-frame.height() / 2, 0, frame.height(), kLabelFont * 1.5), Qt::AlignCenter, y);
    painter.restore();
}

void drawLegend(QPainter& painter, const QRectF& frame, const std::vector<std::pair<QString, QPen>>& entries) {
    if (entries.empty()) return;
    painter.setFont(font(kTickFont));
    const QFontMetricsF metrics(painter.font());
    double width = 0.0;
    for (const auto& entry : entries) width = std::max(width, metrics.horizontalAdvance(entry.first));
    const double line = kTickFont * 1.45;
    const QRectF box(frame.right() - width - 34.0, frame.top() + 4.0, width + 30.0, line * entries.size() + 4.0);
    painter.setPen(QPen(QColor(200, 200, 200), 0.6));
    painter.setBrush(QColor(255, 255, 255, 230));
    painter.drawRect(box);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const double y = box.top() + 2.0 + line * (static_cast<double>(i) + 0.5);
        painter.setPen(entries[i].second);
        painter.drawLine(QPointF(box.left() + 4.0, y), QPointF(box.left() + 22.0, y));
        painter.setPen(kInk);
        painter.drawText(QRectF(box.left() + 26.0, y - line / 2, width + 4.0, line), Qt::AlignVCenter, entries[i].first);
    }
}

}  // namespace

void paintChart(QPainter& painter, const QRectF& area, const ChartSpec& chart) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(area, Qt::white);
    const auto transform = [&](double y) { return chart.logY ? std::log10(y) : y; };
    double xLow = std::numeric_limits<double>::max(), xHigh = std::numeric_limits<double>::lowest();
    double yLow = xLow, yHigh = xHigh;
    for (const ChartSeries& series : chart.series) {
        for (const QPointF& p : series.points) {
            if (!std::isfinite(p.y()) || (chart.logY && p.y() <= 0)) continue;
            xLow = std::min(xLow, p.x());
            xHigh = std::max(xHigh, p.x());
            yLow = std::min(yLow, transform(p.y()));
            yHigh = std::max(yHigh, transform(p.y()));
        }
    }
    if (xLow > xHigh) xLow = 0, xHigh = 1, yLow = 0, yHigh = 1;
    if (xHigh - xLow < 1e-12) xLow -= 0.5, xHigh += 0.5;
    if (yHigh - yLow < 1e-12) yLow -= 0.5, yHigh += 0.5;
    const double pad = 0.05 * (yHigh - yLow);
    yLow = chart.yMin.value_or(yLow - pad);
    yHigh = chart.yMax.value_or(yHigh + pad);

    if (!chart.title.isEmpty()) drawTitle(painter, area, chart.title);
    const QRectF frame = plotFrame(area, !chart.title.isEmpty());
    const auto toPoint = [&](double x, double y) {
        return QPointF(frame.left() + (x - xLow) / (xHigh - xLow) * frame.width(),
                       frame.bottom() - (y - yLow) / (yHigh - yLow) * frame.height());
    };

    painter.setFont(font(kTickFont));
    for (double t : niceTicks(yLow, yHigh, 5)) {
        const double y = toPoint(xLow, t).y();
        painter.setPen(QPen(kGridLine, 0.6));
        painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y));
        painter.setPen(kInk);
        painter.drawText(QRectF(area.left(), y - kTickFont, frame.left() - area.left() - 4.0, 2 * kTickFont),
                         Qt::AlignRight | Qt::AlignVCenter, tickText(t, chart.logY));
    }
    for (double t : niceTicks(xLow, xHigh, 6, chart.integerX ? 1.0 : 0.0)) {
        const double x = toPoint(t, yLow).x();
        painter.setPen(QPen(kGridLine, 0.6));
        painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()));
        painter.setPen(kInk);
        painter.drawText(QRectF(x - 30.0, frame.bottom() + 2.0, 60.0, kTickFont * 1.5), Qt::AlignCenter,
                         tickText(t, false));
    }
    painter.setPen(QPen(kInk, 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    drawAxisTitles(painter, area, frame, chart.xLabel, chart.yLabel);

    painter.setClipRect(frame.adjusted(-3, -3, 3, 3));
    std::vector<std::pair<QString, QPen>> legend;
    for (const ChartSeries& series : chart.series) {
        QPen pen(series.colour, 1.6, series.dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        QPainterPath path;
        bool started = false;
        for (const QPointF& p : series.points) {
            if (!std::isfinite(p.y()) || (chart.logY && p.y() <= 0)) {
                started = false;
                continue;
            }
            const QPointF at = toPoint(p.x(), transform(p.y()));
            if (started) path.lineTo(at); else path.moveTo(at);
            started = true;
        }
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        if (series.points.size() == 1 && started) {
            painter.setBrush(series.colour);
            painter.drawEllipse(toPoint(series.points[0].x(), transform(series.points[0].y())), 2.0, 2.0);
        }
        if (series.marker && (!chart.logY || series.marker->y() > 0)) {
            painter.setPen(QPen(Qt::white, 0.8));
            painter.setBrush(series.colour);
            painter.drawEllipse(toPoint(series.marker->x(), transform(series.marker->y())), 3.6, 3.6);
        }
        if (!series.name.isEmpty()) legend.push_back({series.name, pen});
    }
    painter.setClipping(false);
    drawLegend(painter, frame, legend);
    painter.restore();
}

void paintStackedBars(QPainter& painter, const QRectF& area, const BarSpec& bars) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(area, Qt::white);
    double highest = 1.0;
    for (const auto& stack : bars.values) {
        double total = 0.0;
        for (double v : stack) total += v;
        highest = std::max(highest, total);
    }
    if (!bars.title.isEmpty()) drawTitle(painter, area, bars.title);
    QRectF frame = plotFrame(area, !bars.title.isEmpty());
    frame.setRight(frame.right() - 70.0);  // the legend's column
    const std::vector<double> ticks = niceTicks(0.0, highest * 1.05, 5);
    const double top = std::max(highest * 1.05, ticks.back());
    const auto yOf = [&](double v) { return frame.bottom() - v / top * frame.height(); };
    painter.setFont(font(kTickFont));
    for (double t : ticks) {
        painter.setPen(QPen(kGridLine, 0.6));
        painter.drawLine(QPointF(frame.left(), yOf(t)), QPointF(frame.right(), yOf(t)));
        painter.setPen(kInk);
        painter.drawText(QRectF(area.left(), yOf(t) - kTickFont, frame.left() - area.left() - 4.0, 2 * kTickFont),
                         Qt::AlignRight | Qt::AlignVCenter, tickText(t, false));
    }
    const int n = static_cast<int>(bars.categories.size());
    const double slot = frame.width() / std::max(1, n);
    for (int c = 0; c < n; ++c) {
        double base = 0.0;
        const double left = frame.left() + slot * (c + 0.15);
        const auto& stack = bars.values.at(static_cast<std::size_t>(c));
        for (std::size_t layer = 0; layer < stack.size(); ++layer) {
            if (stack[layer] <= 0) continue;
            const QRectF bar(QPointF(left, yOf(base + stack[layer])), QPointF(left + slot * 0.7, yOf(base)));
            painter.setPen(QPen(Qt::white, 0.5));
            painter.setBrush(digitColour(static_cast<int>(layer)));
            painter.drawRect(bar);
            base += stack[layer];
        }
        painter.setPen(kInk);
        painter.drawText(QRectF(frame.left() + slot * c, frame.bottom() + 2.0, slot, kTickFont * 1.5),
                         Qt::AlignCenter, bars.categories[c]);
    }
    painter.setPen(QPen(kInk, 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    drawAxisTitles(painter, area, frame, bars.xLabel, bars.yLabel);
    const double line = kTickFont * 1.45;
    for (int layer = 0; layer < bars.layers.size(); ++layer) {
        const QRectF swatch(frame.right() + 10.0, frame.top() + line * layer + 2.0, 8.0, 8.0);
        painter.setPen(Qt::NoPen);
        painter.setBrush(digitColour(layer));
        painter.drawRect(swatch);
        painter.setPen(kInk);
        painter.drawText(QRectF(swatch.right() + 4.0, swatch.top() - 3.0, 60.0, line), Qt::AlignVCenter,
                         bars.layers[layer]);
    }
    painter.restore();
}

namespace {

constexpr double kRowLabelWidth = 92.0;
constexpr double kCaption = 9.0;
constexpr double kTileGap = 4.0;

QImage digitImage(const std::vector<std::uint8_t>& bytes, int size) {
    QImage image(size, size, QImage::Format_Grayscale8);
    for (int row = 0; row < size; ++row) {
        std::copy_n(bytes.data() + static_cast<std::size_t>(row) * size, size, image.scanLine(row));
    }
    // Enlarged without smoothing, so that a PDF viewer shows pixels and not a blur.
    return image.scaled(size * 4, size * 4, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

// Draws `text` in `box` in a smaller font when it is too wide (down to 6 units), elided when even
// that is too wide.
void drawFittedText(QPainter& painter, const QRectF& box, int flags, const QString& text,
                    double size) {
    const QFont fitted = fittedFont(text, size, box.width(), 6.0);
    painter.setFont(fitted);
    painter.drawText(box, flags, QFontMetricsF(fitted).elidedText(text, Qt::ElideRight, box.width()));
}

// Where paintDigitTiles() puts things: square cells of `cell` units, columns `pitch` apart from
// `left`, rows `rowPitch` apart from `top` (under the header line).
struct TileLayout {
    int columns = 1;
    int rows = 1;
    double header = 0.0;   // the header line's height
    double caption = 0.0;  // the caption line's height
    double read = 0.0;     // the reading line's height
    double cell = 0.0;
    double left = 0.0;
    double top = 0.0;
    double pitch() const { return cell + kTileGap; }
    double rowPitch() const { return cell + caption + read + kTileGap; }
    QRectF image(std::size_t k) const {
        const auto row = static_cast<double>(k / static_cast<std::size_t>(columns));
        const auto col = static_cast<double>(k % static_cast<std::size_t>(columns));
        return QRectF(left + col * pitch() + kTileGap / 2, top + header + row * rowPitch(), cell, cell);
    }
};

TileLayout tileLines(const std::vector<DigitTile>& tiles, int columns, bool headers,
                     const FigureInk& ink) {
    TileLayout layout;
    layout.columns = std::max(1, columns);
    layout.rows = std::max<int>(1, static_cast<int>((tiles.size() + layout.columns - 1) / layout.columns));
    const double line = kCaption * ink.fontScale * 1.4;
    const bool captions = std::any_of(tiles.begin(), tiles.end(), [](const DigitTile& t) { return !t.caption.isEmpty(); });
    const bool reads = std::any_of(tiles.begin(), tiles.end(), [](const DigitTile& t) { return t.read >= 0; });
    layout.header = headers ? line + 2.0 : 0.0;
    layout.caption = captions ? line : 0.0;
    layout.read = reads ? line : 0.0;
    return layout;
}

TileLayout tileLayout(const QRectF& area, const std::vector<DigitTile>& tiles, int columns,
                      bool headers, const FigureInk& ink) {
    TileLayout layout = tileLines(tiles, columns, headers, ink);
    const double fromWidth = area.width() / layout.columns - kTileGap;
    const double fromHeight = (area.height() - layout.header) / layout.rows - layout.caption - layout.read - kTileGap;
    // Whole units per cell, so that enlarged pixels stay equal on screen.
    layout.cell = std::max(4.0, std::floor(std::min(fromWidth, fromHeight)));
    layout.left = area.left() + std::max(0.0, (area.width() - layout.columns * layout.pitch()) / 2);
    layout.top = area.top();
    return layout;
}

}  // namespace

QSizeF digitTilesSize(const std::vector<DigitTile>& tiles, int columns, bool headers, double cell,
                      const FigureInk& ink) {
    TileLayout layout = tileLines(tiles, columns, headers, ink);
    layout.cell = cell;
    return QSizeF(layout.columns * layout.pitch(), layout.header + layout.rows * layout.rowPitch());
}

void paintDigitTiles(QPainter& painter, const QRectF& area, const std::vector<DigitTile>& tiles,
                     int columns, const QStringList& headers, const FigureInk& ink) {
    painter.save();
    if (ink.background.alpha() > 0) painter.fillRect(area, ink.background);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.setPen(ink.ink);
    const TileLayout layout = tileLayout(area, tiles, columns, !headers.isEmpty(), ink);
    const double size = kCaption * ink.fontScale;
    for (int c = 0; c < headers.size() && c < layout.columns; ++c) {
        drawFittedText(painter, QRectF(layout.left + c * layout.pitch(), layout.top, layout.pitch(), layout.header),
                       Qt::AlignCenter, headers[c], size);
    }
    for (std::size_t k = 0; k < tiles.size(); ++k) {
        const QRectF image = layout.image(k);
        if (!tiles[k].image.isNull()) painter.drawImage(image, tiles[k].image);
        // A caption keeps to its own column (the whole width when there is one column), so that
        // neighbouring captions never run together.
        const QRectF column = layout.columns == 1
                                  ? QRectF(area.left(), image.bottom(), area.width(), layout.caption)
                                  : QRectF(image.left() - kTileGap / 2, image.bottom(), layout.pitch(), layout.caption);
        if (!tiles[k].caption.isEmpty()) {
            drawFittedText(painter, column, Qt::AlignHCenter | Qt::AlignTop, tiles[k].caption, size);
        }
        if (tiles[k].read >= 0) {
            const QRectF line(column.left(), image.bottom() + layout.caption, column.width(), layout.read);
            drawFittedText(painter, line, Qt::AlignHCenter | Qt::AlignTop,
                           QStringLiteral("judge: %1").arg(tiles[k].read), size);
        }
    }
    painter.restore();
}

namespace {

// A panel table as one grid of tiles: each row padded to the widest with empty cells.
std::vector<DigitTile> tableTiles(const std::vector<infer::PanelRow>& rows, int& columns) {
    columns = 1;
    for (const auto& row : rows) columns = std::max(columns, static_cast<int>(row.panels.size()));
    std::vector<DigitTile> tiles;
    for (const auto& row : rows) {
        for (int p = 0; p < columns; ++p) {
            DigitTile tile;
            if (p < static_cast<int>(row.panels.size())) {
                const infer::StripPanel& panel = row.panels[static_cast<std::size_t>(p)];
                const auto side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(panel.image.size()))));
                if (side > 0 && static_cast<std::size_t>(side * side) == panel.image.size()) {
                    tile.image = digitImage(panel.image, side);
                }
                tile.caption = QString::fromStdString(panel.caption);
                tile.read = panel.read;
            }
            tiles.push_back(std::move(tile));
        }
    }
    return tiles;
}

double rowLabelWidth(const std::vector<infer::PanelRow>& rows) {
    const bool any = std::any_of(rows.begin(), rows.end(), [](const infer::PanelRow& r) { return !r.label.empty(); });
    return any ? kRowLabelWidth : 0.0;
}

}  // namespace

QSizeF panelTableSize(const std::vector<infer::PanelRow>& rows, double panelSize) {
    int columns = 1;
    const std::vector<DigitTile> tiles = tableTiles(rows, columns);
    const QSizeF grid = digitTilesSize(tiles, columns, false, panelSize);
    return QSizeF(rowLabelWidth(rows) + grid.width() + 4.0, kTitleFont * 2.0 + grid.height());
}

void paintPanelTable(QPainter& painter, const QRectF& area, const std::vector<infer::PanelRow>& rows,
                     const QString& title) {
    painter.save();
    painter.fillRect(area, Qt::white);
    drawTitle(painter, area, title);
    int columns = 1;
    const std::vector<DigitTile> tiles = tableTiles(rows, columns);
    const double labelWidth = rowLabelWidth(rows);
    const QRectF grid(area.left() + labelWidth, area.top() + kTitleFont * 2.0,
                      area.width() - labelWidth - 4.0, area.height() - kTitleFont * 2.0);
    const TileLayout layout = tileLayout(grid, tiles, columns, false, FigureInk{});
    painter.setFont(font(kLabelFont, true));
    painter.setPen(kInk);
    for (std::size_t r = 0; r < rows.size() && labelWidth > 0; ++r) {
        const QRectF image = layout.image(r * static_cast<std::size_t>(columns));
        painter.drawText(QRectF(area.left() + 2.0, image.top(), labelWidth - 6.0, layout.rowPitch()),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, QString::fromStdString(rows[r].label));
    }
    paintDigitTiles(painter, grid, tiles, columns, {}, FigureInk{kInk, Qt::transparent, 1.0});
    painter.restore();
}

QRectF additionGridCanvas(const QRectF& area, bool titled, const FigureInk& ink) {
    const double tick = kTickFont * ink.fontScale;
    const double label = kLabelFont * ink.fontScale;
    const double top = titled ? kTitleFont * ink.fontScale * 2.0 : tick * 0.8;
    const double labels = label * 1.6 + tick * 1.8;  // left of the canvas and below it
    const double side = std::max(10.0, std::min(area.width() - labels - 8.0,
                                                 area.height() - top - labels));
    // Whole device pixels per cell where the side allows, so that cells stay equal on screen.
    const double cells = side >= 100.0 ? std::floor(side / infer::kDigits) * infer::kDigits : side;
    return QRectF(std::round(area.left() + labels + (area.width() - labels - 8.0 - cells) / 2),
                  std::round(area.top() + top), cells, cells);
}

void paintAdditionGrid(QPainter& painter, const QRectF& area, const QImage& canvasImage,
                       const GridReadings& read, const QString& title, const FigureInk& ink,
                       const data::HeldOutCells& heldOut) {
    painter.save();
    if (ink.background.alpha() > 0) painter.fillRect(area, ink.background);
    if (!title.isEmpty()) drawTitle(painter, area, title);
    const double tick = kTickFont * ink.fontScale;
    const double label = kLabelFont * ink.fontScale;
    const QRectF canvas = additionGridCanvas(area, !title.isEmpty(), ink);
    const double side = canvas.width();
    painter.fillRect(canvas, Qt::black);
    if (!canvasImage.isNull()) {
        // Enlarged without smoothing: pixels, as the assignment's imshow draws them.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(canvas, canvasImage);
    }
    const double cell = side / infer::kDigits;
    painter.setFont(font(tick));
    for (int d = 0; d < infer::kDigits; ++d) {
        painter.setPen(ink.ink);
        painter.drawText(QRectF(canvas.left() + cell * d, canvas.bottom() + 1.0, cell, tick * 1.6),
                         Qt::AlignCenter, QString::number(d));
        painter.drawText(QRectF(canvas.left() - tick * 1.6, canvas.top() + cell * d, tick * 1.4, cell),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(d));
        for (int a = 0; a < infer::kDigits; ++a) {
            const int reading = read[static_cast<std::size_t>(d)][static_cast<std::size_t>(a)];
            if (!infer::AdditionGrid::hasCell(d, a) || reading < 0) continue;
            const QRectF frame(canvas.left() + cell * d + 0.5, canvas.top() + cell * a + 0.5, cell - 1.0, cell - 1.0);
            const QColor colour = reading == d + a ? QColor(40, 180, 70) : QColor(230, 50, 40);
            painter.setPen(QPen(colour, std::max(0.8, cell / 30.0)));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(frame);
            painter.setFont(font(std::max(5.0, cell * 0.22)));
            painter.drawText(frame.adjusted(1.5, 0.5, 0, 0), Qt::AlignLeft | Qt::AlignTop, QString::number(reading));
            painter.setFont(font(tick));
        }
    }
    // Cells the model never saw in training: a dashed blue frame inside the cell.
    const double inset = std::max(1.5, cell * 0.08);
    painter.setPen(QPen(QColor(50, 110, 230), std::max(1.0, cell / 24.0), Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    for (int d = 0; d < infer::kDigits; ++d) {
        for (int a = 0; d + a < infer::kDigits; ++a) {
            if (!heldOut.contains(d, a)) continue;
            painter.drawRect(QRectF(canvas.left() + cell * d, canvas.top() + cell * a, cell, cell)
                                 .adjusted(inset, inset, -inset, -inset));
        }
    }
    painter.setPen(ink.ink);
    painter.setFont(font(label));
    // The assignment's words when they fit (a small grid on screen gets the short form).
    const QString held = heldOut.empty() ? QString() : QStringLiteral(" · dashed: held out of training");
    const QString xTitle = QStringLiteral("input digit (predicted numbers: digit + addend)") + held;
    const bool fits = QFontMetricsF(painter.font()).horizontalAdvance(xTitle) <= side + tick * 3.0;
    painter.drawText(QRectF(canvas.left() - tick * 1.5, canvas.bottom() + tick * 1.7, side + tick * 3.0, label * 1.6),
                     Qt::AlignCenter, fits ? xTitle : QStringLiteral("input digit") + held);
    painter.save();
    painter.translate(canvas.left() - tick * 1.8 - label * 1.6, canvas.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-side / 2, 0, side, label * 1.5), Qt::AlignCenter, QStringLiteral("added value"));
    painter.restore();
    painter.restore();
}

QImage gridCanvasImage(const infer::AdditionGrid& grid) {
    const int pixels = grid.cellSize * infer::kDigits;
    if (grid.canvas.size() != static_cast<std::size_t>(pixels) * pixels) return {};
    QImage image(pixels, pixels, QImage::Format_Grayscale8);
    for (int row = 0; row < pixels; ++row) {
        std::copy_n(grid.canvas.data() + static_cast<std::size_t>(row) * pixels, pixels, image.scanLine(row));
    }
    return image;
}

}  // namespace learn2add::ui
