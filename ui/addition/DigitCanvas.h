#pragma once
// A square canvas to draw a digit with the mouse: a thick white stroke on black, as MNIST digits
// look. image() gives the drawing as a 28x28 grey digit, framed as MNIST frames its digits (the
// stroke's bounding box scaled into the central 20x20 and centred). GUI thread only.
//
//   auto* canvas = new DigitCanvas;
//   connect(canvas, &DigitCanvas::drawn, this, [](const QImage& digit28) { ... });
//   canvas->clear();

#include <QImage>
#include <QWidget>

namespace learn2add::ui {

class DigitCanvas : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDigitSize = 28;

    explicit DigitCanvas(QWidget* parent = nullptr);

    void clear();
    bool isBlank() const { return blank_; }
    QImage image() const;  // 28x28 Format_Grayscale8
    // Draws a stroke through these points (canvas coordinates in [0, 1]^2), as a mouse would.
    void drawStroke(const QList<QPointF>& points);

    QSize sizeHint() const override { return {168, 168}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

Q_SIGNALS:
    // While drawing (every few pixels of movement) and when the stroke ends; not after clear().
    void drawn(QImage digit28);
    void cleared();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QPointF toInk(const QPointF& widgetPoint) const;
    void strokeTo(const QPointF& inkPoint);

    QImage ink_;  // the drawing at high resolution
    QPointF last_;
    bool drawing_ = false;
    bool blank_ = true;
};

}  // namespace learn2add::ui
