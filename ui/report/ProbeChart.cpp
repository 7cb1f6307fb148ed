#include "report/ProbeChart.h"

#include <QPainter>
#include <algorithm>

#include "report/ChartParts.h"

namespace learn2add::ui {
namespace {

using namespace chart;

constexpr int kProbeDigits = 10;

QString agreementText(double share) {
    return QString::number(100.0 * share, 'f', share >= 0.9995 ? 0 : 1) + QLatin1Char('%');
}

void paintGrid(QPainter& painter, const QRectF& area, const infer::ProbeTable& table, ProbeKind kind,
               const FigureInk& ink) {
    const double label = kLabelFont * ink.fontScale;
    const double tick = kTickFont * ink.fontScale;
    const QString heading = QStringLiteral("%1: %2 · %3 of %4 pairs")
                                .arg(probeName(kind), probeCompares(kind),
                                     agreementText(table.overall.agreement()))
                                .arg(table.overall.count);
    painter.setPen(ink.ink);
    painter.setFont(fittedFont(heading, label, area.width(), 5.0, true));
    painter.drawText(QRectF(area.left(), area.top(), area.width(), label * 1.6), Qt::AlignCenter, heading);
    const double top = area.top() + label * 1.8 + tick * 1.5;   // the column headers above the cells
    const double headers = tick * 2.0;                           // the row headers left of them
    const double cell = std::max(4.0, std::min((area.width() - headers) / kProbeDigits,
                                               (area.bottom() - top - label * 1.6) / kProbeDigits));
    // Centred under the heading.
    const double left = area.left() + headers + (area.width() - headers - cell * kProbeDigits) / 2.0;
    const QRectF grid(left, top, cell * kProbeDigits, cell * kProbeDigits);
    painter.setFont(font(tick));
    for (int i = 0; i < kProbeDigits; ++i) {
        painter.setPen(ink.ink);
        painter.drawText(QRectF(grid.left() + cell * i, top - tick * 1.5, cell, tick * 1.4), Qt::AlignCenter,
                         QStringLiteral("+%1").arg(i));
        painter.drawText(QRectF(left - headers, top + cell * i, tick * 1.8, cell), Qt::AlignCenter,
                         QString::number(i));
    }
    QFont inCell = font(std::min(tick, cell * 0.28));
    for (int d = 0; d < kProbeDigits; ++d) {
        for (int s = 0; s < kProbeDigits; ++s) {
            const infer::ProbeCell& entry = table.cells[static_cast<std::size_t>(d)][static_cast<std::size_t>(s)];
            const QRectF box(grid.left() + cell * s, top + cell * d, cell, cell);
            if (entry.count == 0) continue;
            painter.fillRect(box, QColor::fromHsvF(0.33 * entry.agreement(), 0.45, 1.0));
            painter.setPen(Qt::black);
            painter.setFont(inCell);
            painter.drawText(box, Qt::AlignCenter, agreementText(entry.agreement()));
        }
    }
    painter.setPen(QPen(ink.ink, 0.6));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(grid);
    painter.setFont(font(label));
    painter.drawText(QRectF(grid.left(), grid.bottom() + 2.0, grid.width(), label * 1.5), Qt::AlignCenter,
                     QStringLiteral("rows: input digit · columns: total addend"));
}

}  // namespace

const infer::ProbeTable& probeTable(const infer::AlgebraProbes& probes, ProbeKind kind) {
    switch (kind) {
        case ProbeKind::Identity: return probes.identity;
        case ProbeKind::Composition: return probes.composition;
        case ProbeKind::Commutation: return probes.commutation;
    }
    return probes.identity;
}

QString probeName(ProbeKind kind) {
    switch (kind) {
        case ProbeKind::Identity: return QStringLiteral("identity");
        case ProbeKind::Composition: return QStringLiteral("composition");
        case ProbeKind::Commutation: return QStringLiteral("commutation");
    }
    return {};
}

QString probeCompares(ProbeKind kind) {
    switch (kind) {
        case ProbeKind::Identity: return QStringLiteral("f(x, 0) ~ x");
        case ProbeKind::Composition: return QStringLiteral("f(f(x, a), b) ~ f(x, a + b)");
        case ProbeKind::Commutation: return QStringLiteral("f(f(x, a), b) ~ f(f(x, b), a)");
    }
    return {};
}

void paintProbeGrids(QPainter& painter, const QRectF& area, const infer::AlgebraProbes& probes,
                     const std::vector<ProbeKind>& kinds, const FigureInk& ink) {
    painter.save();
    if (ink.background.alpha() > 0) painter.fillRect(area, ink.background);
    if (!kinds.empty()) {
        const double gap = kLabelFont * ink.fontScale * 2.0;
        const double width = (area.width() - gap * (static_cast<double>(kinds.size()) - 1)) / kinds.size();
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            const QRectF part(area.left() + i * (width + gap), area.top(), width, area.height());
            paintGrid(painter, part, probeTable(probes, kinds[i]), kinds[i], ink);
        }
    }
    painter.restore();
}

QSizeF probeGridsSize(int count) {
    return {count * 330.0 + (count - 1) * 18.0, 370.0};
}

}  // namespace learn2add::ui
