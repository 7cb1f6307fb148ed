#pragma once
// The code manifold on screen, painted by the one manifold painter that the CLI and exports use
// (report/ManifoldChart.h: paintCodeManifold) with the palette's ink: decoded tiles over a plane of
// codes beside the validation codes in it. Hovering either panel emits hovered(point of the plane)
// and marks it on both; a left click emits clicked(point) and keeps the mark there. GUI thread
// only.
//
//   auto* view = new CodeManifoldView;
//   view->showChart(picture.chart);
//   connect(view, &CodeManifoldView::hovered, this, [](QPointF p) { ...decode p... });

#include <QWidget>
#include <optional>

#include "report/ManifoldChart.h"

namespace learn2add::ui {

class CodeManifoldView : public QWidget {
    Q_OBJECT
public:
    explicit CodeManifoldView(QWidget* parent = nullptr);

    void showChart(ManifoldChart chart);  // keeps the clicked point's mark
    // No chart: `emptyText` is painted where the figure goes.
    void clear(const QString& emptyText = QString());
    const ManifoldChart& chart() const { return chart_; }
    bool hasChart() const { return hasChart_; }
    // The point of the plane under a widget position; nullopt outside both panels or without a
    // chart.
    std::optional<QPointF> planePointAt(const QPointF& position) const;
    // The widget position of a plane point in the decoded panel (tests, screenshots).
    QPointF tilesPosition(const QPointF& point) const;
    std::optional<QPointF> clickedPoint() const { return clicked_; }

    QSize sizeHint() const override { return {640, 360}; }
    QSize minimumSizeHint() const override { return {360, 210}; }

Q_SIGNALS:
    void hovered(QPointF point);
    void clicked(QPointF point);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    ManifoldLayout layout() const;

    ManifoldChart chart_;
    QString emptyText_;
    bool hasChart_ = false;
    std::optional<QPointF> hover_;
    std::optional<QPointF> clicked_;
};

}  // namespace learn2add::ui
