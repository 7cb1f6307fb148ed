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
#include "plots/PlotColours.h"

namespace learn2add::ui {
namespace {

constexpr double kTitleFont = 11.0;
constexpr double kLabelFont = 9.0;
constexpr double kTickFont = 8.0;
const QColor kInk(40, 40, 40);
const QColor kGridLine(225, 225, 225);

QFont font(double pixels, bool bold = false) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(pixels))));
    f.setBold(bold);
    return f;
}

// "Nice" tick positions (1, 2 or 5 times a power of ten) covering [low, high].
std::vector<double> niceTicks(double low, double high, int wanted, double smallestStep = 0.0) {
    if (!(high > low)) return {low};
    const double rough = std::max(smallestStep, (high - low) / std::max(1, wanted));
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * power;
        if (step >= rough) break;
    }
    std::vector<double> ticks;
    for (double t = std::ceil(low / step - 1e-9) * step; t <= high + step * 1e-9; t += step) {
        ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    }
    return ticks;
}

QString tickText(double value, bool log) {
    if (log) value = std::pow(10.0, value);
    const double magnitude = std::abs(value);
    if (magnitude != 0.0 && (magnitude < 1e-3 || magnitude >= 1e5)) return QString::number(value, 'e', 0);
    return QString::number(value, 'g', 4);
}

// The title in bold, shrunk (down to 7 px) until it fits the figure's width.
void drawTitle(QPainter& painter, const QRectF& area, const QString& title) {
    double size = kTitleFont;
    painter.setFont(font(size, true));
    while (size > 7.0 && QFontMetricsF(painter.font()).horizontalAdvance(title) > area.width() - 8.0) {
        size -= 0.5;
        painter.setFont(font(size, true));
    }
    painter.setPen(kInk);
    painter.drawText(QRectF(area.left(), area.top(), area.width(), kTitleFont * 1.6),
                     Qt::AlignHCenter | Qt::AlignVCenter, title);
}

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

QImage digitImage(const std::vector<std::uint8_t>& bytes, int size) {
    QImage image(size, size, QImage::Format_Grayscale8);
    for (int row = 0; row < size; ++row) {
        std::copy_n(bytes.data() + static_cast<std::size_t>(row) * size, size, image.scanLine(row));
    }
    // Enlarged without smoothing, so that a PDF viewer shows pixels and not a blur.
    return image.scaled(size * 4, size * 4, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

std::size_t widestRow(const std::vector<infer::PanelRow>& rows) {
    std::size_t widest = 0;
    for (const auto& row : rows) widest = std::max(widest, row.panels.size());
    return widest;
}

bool anyRead(const std::vector<infer::PanelRow>& rows) {
    for (const auto& row : rows) {
        for (const auto& panel : row.panels) {
            if (panel.read >= 0) return true;
        }
    }
    return false;
}

}  // namespace

QSizeF panelTableSize(const std::vector<infer::PanelRow>& rows, double panelSize) {
    const double cellWidth = panelSize + 6.0;
    const double cellHeight = kCaption * 1.5 + panelSize + (anyRead(rows) ? kCaption * 1.5 : 0.0) + 6.0;
    return QSizeF(kRowLabelWidth + cellWidth * static_cast<double>(widestRow(rows)) + 4.0,
                  kTitleFont * 2.0 + cellHeight * static_cast<double>(rows.size()));
}

void paintPanelTable(QPainter& painter, const QRectF& area, const std::vector<infer::PanelRow>& rows,
                     const QString& title) {
    painter.save();
    painter.fillRect(area, Qt::white);
    drawTitle(painter, area, title);
    const bool reads = anyRead(rows);
    const double columns = static_cast<double>(std::max<std::size_t>(1, widestRow(rows)));
    const double extraHeight = kCaption * 1.5 + (reads ? kCaption * 1.5 : 0.0) + 6.0;
    const double fromWidth = (area.width() - kRowLabelWidth - 4.0) / columns - 6.0;
    const double fromHeight = (area.height() - kTitleFont * 2.0) / std::max<std::size_t>(1, rows.size()) - extraHeight;
    const double panel = std::max(4.0, std::min(fromWidth, fromHeight));
    const double cellHeight = panel + extraHeight;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double top = area.top() + kTitleFont * 2.0 + cellHeight * static_cast<double>(r);
        painter.setFont(font(kLabelFont, true));
        painter.setPen(kInk);
        painter.drawText(QRectF(area.left() + 2.0, top, kRowLabelWidth - 6.0, cellHeight),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, QString::fromStdString(rows[r].label));
        for (std::size_t p = 0; p < rows[r].panels.size(); ++p) {
            const infer::StripPanel& item = rows[r].panels[p];
            const double left = area.left() + kRowLabelWidth + (panel + 6.0) * static_cast<double>(p);
            painter.setFont(font(kCaption));
            painter.setPen(kInk);
            painter.drawText(QRectF(left - 3.0, top, panel + 6.0, kCaption * 1.5), Qt::AlignCenter,
                             QString::fromStdString(item.caption));
            const QRectF image(left, top + kCaption * 1.5, panel, panel);
            if (item.image.size() == 32 * 32) painter.drawImage(image, digitImage(item.image, 32));
            if (item.read >= 0) {
                painter.drawText(QRectF(left - 3.0, image.bottom() + 1.0, panel + 6.0, kCaption * 1.5),
                                 Qt::AlignCenter, QStringLiteral("judge: %1").arg(item.read));
            }
        }
    }
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
                       const GridReadings& read, const QString& title, const FigureInk& ink) {
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
    painter.setPen(ink.ink);
    painter.setFont(font(label));
    // The assignment's words when they fit (a small grid on screen gets the short form).
    const QString xTitle = QStringLiteral("input digit (predicted numbers: digit + addend)");
    const bool fits = QFontMetricsF(painter.font()).horizontalAdvance(xTitle) <= side + tick * 3.0;
    painter.drawText(QRectF(canvas.left() - tick * 1.5, canvas.bottom() + tick * 1.7, side + tick * 3.0, label * 1.6),
                     Qt::AlignCenter, fits ? xTitle : QStringLiteral("input digit"));
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
