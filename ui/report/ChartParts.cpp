#include "report/ChartParts.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRectF>
#include <algorithm>
#include <cmath>

namespace learn2add::ui::chart {

QFont font(double pixels, bool bold) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(pixels))));
    f.setBold(bold);
    return f;
}

std::vector<double> niceTicks(double low, double high, int wanted, double smallestStep) {
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

QFont fittedFont(const QString& text, double size, double width, double smallest, bool bold) {
    QFont fitted = font(size, bold);
    while (size > smallest && QFontMetricsF(fitted).horizontalAdvance(text) > width) {
        size -= 0.5;
        fitted = font(size, bold);
    }
    return fitted;
}

void drawTitle(QPainter& painter, const QRectF& area, const QString& title) {
    painter.setFont(fittedFont(title, kTitleFont, area.width() - 8.0, 7.0, true));
    painter.setPen(kInk);
    painter.drawText(QRectF(area.left(), area.top(), area.width(), kTitleFont * 1.6),
                     Qt::AlignHCenter | Qt::AlignVCenter, title);
}

}  // namespace learn2add::ui::chart
