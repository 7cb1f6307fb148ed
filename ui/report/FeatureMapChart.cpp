#include "report/FeatureMapChart.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "infer/FeatureMaps.h"
#include "report/ChartParts.h"
#include "report/GreyImages.h"

namespace learn2add::ui {
namespace {

using namespace chart;

constexpr int kTilesPerRow = 16;

// Where everything of the figure lies in `area`: computed once for painting and hit tests alike.
struct Layout {
    double tile = 0.0, gap = 0.0, line = 0.0;
    QRectF columns[2];  // encoder, decoder
    QRectF images[2];   // the input, the output
    // [column][stage]: the stage's title line and the top left of its first tile.
    std::vector<QRectF> titles[2];
    std::vector<QPointF> origins[2];
};

int rowsOf(const FeatureStageChart& stage) {
    return (static_cast<int>(stage.tiles.size()) + kTilesPerRow - 1) / kTilesPerRow;
}

Layout layoutOf(const QRectF& area, const FeatureMapChart& chart, const FigureInk& ink) {
    Layout layout;
    layout.line = kLabelFont * ink.fontScale * 1.6;
    const double top = area.top() + (chart.title.isEmpty() ? 0.0 : kTitleFont * ink.fontScale * 2.0);
    const double columnGap = kLabelFont * ink.fontScale * 2.0;
    const double width = (area.width() - columnGap) / 2.0;
    const double height = area.bottom() - top;
    const double header = std::min(64.0, std::max(24.0, height * 0.12));
    const std::vector<FeatureStageChart>* stages[2] = {&chart.encoder, &chart.decoder};
    double tile = width / kTilesPerRow;
    for (const auto* column : stages) {
        int rows = 0;
        for (const FeatureStageChart& stage : *column) rows += rowsOf(stage);
        const double titles = layout.line * static_cast<double>(column->size());
        if (rows > 0) tile = std::min(tile, (height - header - layout.line * 0.5 - titles) / rows);
    }
    layout.tile = std::max(2.0, tile);
    layout.gap = layout.tile >= 12.0 ? 1.0 : 0.0;
    for (int c = 0; c < 2; ++c) {
        const double left = area.left() + c * (width + columnGap);
        layout.columns[c] = QRectF(left, top, width, height);
        layout.images[c] = QRectF(left, top, header, header);
        double y = top + header + layout.line * 0.5;
        for (const FeatureStageChart& stage : *stages[c]) {
            layout.titles[c].push_back(QRectF(left, y, width, layout.line));
            y += layout.line;
            layout.origins[c].push_back(QPointF(left, y));
            y += rowsOf(stage) * layout.tile;
        }
    }
    return layout;
}

QRectF tileRect(const Layout& layout, int column, int stage, int index) {
    const QPointF origin = layout.origins[column][static_cast<std::size_t>(stage)];
    return QRectF(origin.x() + (index % kTilesPerRow) * layout.tile, origin.y() + (index / kTilesPerRow) * layout.tile,
                  layout.tile - layout.gap, layout.tile - layout.gap);
}

QString featureNumber(float value) {
    return QString::number(static_cast<double>(value), 'g', 3);
}

}  // namespace

void paintFeatureMaps(QPainter& painter, const QRectF& area, const FeatureMapChart& chart, const FigureInk& ink,
                      const std::optional<FeatureTileHit>& highlight) {
    painter.save();
    if (ink.background.alpha() > 0) painter.fillRect(area, ink.background);
    if (!chart.title.isEmpty()) drawTitle(painter, area, chart.title);
    const Layout layout = layoutOf(area, chart, ink);
    const std::vector<FeatureStageChart>* stages[2] = {&chart.encoder, &chart.decoder};
    const QImage* images[2] = {&chart.input, &chart.output};
    const QString headers[2] = {QStringLiteral("Encoder E, of the input %1").arg(chart.inputCaption),
                                QStringLiteral("Decoder D, of the output %1").arg(chart.outputCaption)};
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (int c = 0; c < 2; ++c) {
        const QRectF image = layout.images[c];
        painter.fillRect(image, Qt::black);
        if (!images[c]->isNull()) painter.drawImage(image, *images[c]);
        painter.setPen(ink.ink);
        painter.setFont(font(kLabelFont * ink.fontScale, true));
        const QRectF beside(image.right() + 8.0, image.top(), layout.columns[c].right() - image.right() - 8.0,
                            image.height());
        painter.drawText(beside, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, headers[c]);
        for (std::size_t s = 0; s < stages[c]->size(); ++s) {
            const FeatureStageChart& stage = (*stages[c])[s];
            painter.setPen(ink.ink);
            const QString title = QStringLiteral("%1 · %2 channels of %3 × %3 · largest activation %4, strongest first")
                                      .arg(stage.name)
                                      .arg(stage.tiles.size())
                                      .arg(stage.side)
                                      .arg(featureNumber(stage.maximum));
            const QRectF line = layout.titles[c][s];
            painter.setFont(fittedFont(title, kTickFont * ink.fontScale, line.width(), 5.0));
            painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);
            for (std::size_t t = 0; t < stage.tiles.size(); ++t) {
                const QRectF cell = tileRect(layout, c, static_cast<int>(s), static_cast<int>(t));
                painter.fillRect(cell, Qt::black);
                if (!stage.tiles[t].image.isNull()) painter.drawImage(cell, stage.tiles[t].image);
            }
        }
    }
    if (highlight && highlight->stage >= 0) {
        const int c = highlight->encoder ? 0 : 1;
        if (static_cast<std::size_t>(highlight->stage) < stages[c]->size()) {
            painter.setPen(QPen(QColor(255, 200, 40), std::max(1.0, layout.tile / 12.0)));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(tileRect(layout, c, highlight->stage, highlight->tile));
        }
    }
    painter.restore();
}

std::optional<FeatureTileHit> featureTileAt(const QRectF& area, const FeatureMapChart& chart, const FigureInk& ink,
                                            const QPointF& position) {
    const Layout layout = layoutOf(area, chart, ink);
    const std::vector<FeatureStageChart>* stages[2] = {&chart.encoder, &chart.decoder};
    for (int c = 0; c < 2; ++c) {
        for (std::size_t s = 0; s < stages[c]->size(); ++s) {
            const QPointF origin = layout.origins[c][s];
            const double dx = position.x() - origin.x(), dy = position.y() - origin.y();
            if (dx < 0 || dy < 0 || dx >= kTilesPerRow * layout.tile) continue;
            const int index = static_cast<int>(dy / layout.tile) * kTilesPerRow + static_cast<int>(dx / layout.tile);
            if (index < static_cast<int>((*stages[c])[s].tiles.size()) &&
                static_cast<int>(dy / layout.tile) < rowsOf((*stages[c])[s])) {
                return FeatureTileHit{c == 0, static_cast<int>(s), index};
            }
        }
    }
    return std::nullopt;
}

QSizeF featureMapFigureSize() {
    return {720.0, 450.0};
}

namespace {

std::vector<FeatureStageChart> stageCharts(const std::vector<infer::FeatureStage>& stages) {
    std::vector<FeatureStageChart> out;
    for (const infer::FeatureStage& stage : stages) {
        FeatureStageChart chart{QString::fromStdString(stage.name), stage.side, stage.maximum, {}};
        for (const infer::FeatureChannel& channel : stage.channels) {
            chart.tiles.push_back({toQImage(channel.image), channel.channel, channel.minimum, channel.maximum,
                                   channel.mean});
        }
        out.push_back(std::move(chart));
    }
    return out;
}

}  // namespace

FeatureMapChart featureMapChart(const infer::FeatureMaps& maps, const QString& inputCaption,
                                const QString& outputCaption) {
    FeatureMapChart chart;
    chart.input = toQImage(maps.input);
    chart.output = toQImage(maps.output);
    chart.inputCaption = inputCaption;
    chart.outputCaption = outputCaption;
    chart.encoder = stageCharts(maps.encoder);
    chart.decoder = stageCharts(maps.decoder);
    return chart;
}

}  // namespace learn2add::ui
