#pragma once
// The feature maps on screen, painted by the one feature-map painter that the CLI uses
// (report/FeatureMapChart.h: paintFeatureMaps) with the palette's ink. Hovering a tile frames it
// and emits hoveredTile() with what it shows (its stage, channel, activation range and mean), also
// as the tooltip. GUI thread only.
//
//   auto* view = new FeatureMapView;
//   view->showChart(picture.chart);

#include <QWidget>
#include <optional>

#include "report/FeatureMapChart.h"

namespace learn2add::ui {

class FeatureMapView : public QWidget {
    Q_OBJECT
public:
    explicit FeatureMapView(QWidget* parent = nullptr);

    void showChart(FeatureMapChart chart);
    const FeatureMapChart& chart() const { return chart_; }
    // What the tile under a widget position shows, e.g. "E conv2 · channel 17 (rank 1 of 64 by
    // mean) · activations 0 to 3.42, mean 0.51"; empty when there is no tile there.
    QString describeTileAt(const QPointF& position) const;

    QSize sizeHint() const override { return {900, 520}; }
    QSize minimumSizeHint() const override { return {420, 300}; }

Q_SIGNALS:
    void hoveredTile(QString description);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:

    FeatureMapChart chart_;
    std::optional<FeatureTileHit> hover_;
};

}  // namespace learn2add::ui
