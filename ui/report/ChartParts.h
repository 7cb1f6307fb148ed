#pragma once
// The parts the report's painters share (ReportCharts.cpp, ManifoldChart.cpp): font sizes in
// units, the ink, nice tick positions, tick text, fitted fonts and the bold title line. Internal to
// ui/report; pure functions of their arguments.

#include <QColor>
#include <QFont>
#include <QString>
#include <vector>

class QPainter;
class QRectF;

namespace learn2add::ui::chart {

inline constexpr double kTitleFont = 11.0;
inline constexpr double kLabelFont = 9.0;
inline constexpr double kTickFont = 8.0;
inline const QColor kInk(40, 40, 40);
inline const QColor kGridLine(225, 225, 225);

// DejaVu Sans at `pixels` (rounded, at least 1).
QFont font(double pixels, bool bold = false);
// "Nice" tick positions (1, 2 or 5 times a power of ten) covering [low, high].
std::vector<double> niceTicks(double low, double high, int wanted, double smallestStep = 0.0);
// A tick's label (of 10^value when `log`).
QString tickText(double value, bool log = false);
// The font of `size` units, made smaller in half steps (down to `smallest`) until `text` fits
// `width`.
QFont fittedFont(const QString& text, double size, double width, double smallest, bool bold = false);
// The title in bold on top of `area`, shrunk (down to 7 px) until it fits its width.
void drawTitle(QPainter& painter, const QRectF& area, const QString& title);

}  // namespace learn2add::ui::chart
