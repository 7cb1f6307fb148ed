#include "addition/FeatureMapView.h"

#include <QFontInfo>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "plots/FigureExport.h"
#include "widgets/ScreenInk.h"

namespace learn2add::ui {

FeatureMapView::FeatureMapView(QWidget* parent) : QWidget(parent) {
    makeExportable(*this, tr("Feature maps"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMouseTracking(true);
}

void FeatureMapView::showChart(FeatureMapChart chart) {
    chart_ = std::move(chart);
    hover_.reset();  // the tile under the mouse may now lie elsewhere
    setToolTip(QString());
    update();
}

QString FeatureMapView::describeTileAt(const QPointF& position) const {
    const std::optional<FeatureTileHit> hit = featureTileAt(QRectF(rect()), chart_, screenInk(*this, 9.0), position);
    if (!hit) return {};
    const FeatureStageChart& stage = (hit->encoder ? chart_.encoder : chart_.decoder)[static_cast<std::size_t>(hit->stage)];
    const FeatureTileChart& tile = stage.tiles[static_cast<std::size_t>(hit->tile)];
    return tr("%1 · channel %2 (rank %3 of %4 by mean) · activations %5 to %6, mean %7")
        .arg(stage.name)
        .arg(tile.channel)
        .arg(hit->tile + 1)
        .arg(stage.tiles.size())
        .arg(tile.minimum, 0, 'g', 3)
        .arg(tile.maximum, 0, 'g', 3)
        .arg(tile.mean, 0, 'g', 3);
}

void FeatureMapView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintFeatureMaps(painter, QRectF(rect()), chart_, screenInk(*this, 9.0), hover_);
}

void FeatureMapView::mouseMoveEvent(QMouseEvent* event) {
    const std::optional<FeatureTileHit> hit = featureTileAt(QRectF(rect()), chart_, screenInk(*this, 9.0), event->position());
    const bool same = hit.has_value() == hover_.has_value() &&
                      (!hit || (hit->encoder == hover_->encoder && hit->stage == hover_->stage && hit->tile == hover_->tile));
    if (same) return;
    hover_ = hit;
    const QString description = describeTileAt(event->position());
    setToolTip(description);
    update();
    Q_EMIT hoveredTile(description);
}

void FeatureMapView::leaveEvent(QEvent*) {
    hover_.reset();
    update();
    Q_EMIT hoveredTile(QString());
}

}  // namespace learn2add::ui
