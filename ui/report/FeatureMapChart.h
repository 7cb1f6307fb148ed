#pragma once
// The feature maps figure (infer/FeatureMaps.h), the one painter of it (window, CLI): the encoder's
// stages of the input on the left, the decoder's stages of the output on the right, each stage a
// title line and its channels as small grey tiles, 16 to a row, the strongest first, scaled by the
// stage's largest activation. The same layout answers which tile lies under a point (hovering).
//
//   FeatureMapChart chart = featureMapChart(maps, "7", "7 + 1.50");
//   paintFeatureMaps(painter, rect, chart);
//   std::optional<FeatureTileHit> hit = featureTileAt(rect, chart, ink, mouse);

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <optional>
#include <vector>

#include "report/ReportCharts.h"

class QPainter;

namespace learn2add::infer {
struct FeatureMaps;
}

namespace learn2add::ui {

struct FeatureTileChart {
    QImage image;  // grey, side x side
    int channel = 0;
    float minimum = 0.0f, maximum = 0.0f, mean = 0.0f;
};

struct FeatureStageChart {
    QString name;  // e.g. "E conv1"
    int side = 0;
    float maximum = 0.0f;
    std::vector<FeatureTileChart> tiles;  // strongest first
};

struct FeatureMapChart {
    QString title;  // on top; empty: none
    QImage input, output;
    QString inputCaption, outputCaption;  // e.g. "7", "7 + 1.50"
    std::vector<FeatureStageChart> encoder, decoder;
};

struct FeatureTileHit {
    bool encoder = true;
    int stage = 0;
    int tile = 0;  // index in the stage's tiles (strongest first)
};

void paintFeatureMaps(QPainter& painter, const QRectF& area, const FeatureMapChart& chart, const FigureInk& ink = {},
                      const std::optional<FeatureTileHit>& highlight = std::nullopt);
std::optional<FeatureTileHit> featureTileAt(const QRectF& area, const FeatureMapChart& chart, const FigureInk& ink,
                                            const QPointF& position);
// The figure's natural size in units (CLI).
QSizeF featureMapFigureSize();

FeatureMapChart featureMapChart(const infer::FeatureMaps& maps, const QString& inputCaption,
                                const QString& outputCaption);

}  // namespace learn2add::ui
