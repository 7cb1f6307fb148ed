#include "addition/DigitCanvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "plots/FigureExport.h"

namespace learn2add::ui {
namespace {

constexpr int kInkSize = 280;       // 10x the digit
constexpr double kPenWidth = 24.0;  // about 2.4 px at 28x28, as MNIST strokes
constexpr int kDigitBox = 20;       // MNIST fits each digit into 20x20 inside 28x28

}  // namespace

DigitCanvas::DigitCanvas(QWidget* parent) : QWidget(parent) {
    makeExportable(*this, tr("Drawn digit"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMinimumSize(112, 112);
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Draw a digit with the mouse"));
    clear();
}

void DigitCanvas::clear() {
    ink_ = QImage(kInkSize, kInkSize, QImage::Format_Grayscale8);
    ink_.fill(Qt::black);
    blank_ = true;
    update();
    Q_EMIT cleared();
}

QImage DigitCanvas::image() const {
    QImage digit(kDigitSize, kDigitSize, QImage::Format_Grayscale8);
    digit.fill(Qt::black);
    if (blank_) return digit;
    // Bounding box of the ink.
    int top = kInkSize, bottom = -1, left = kInkSize, right = -1;
    for (int y = 0; y < kInkSize; ++y) {
        const uchar* row = ink_.constScanLine(y);
        for (int x = 0; x < kInkSize; ++x) {
            if (row[x] == 0) continue;
            top = std::min(top, y);
            bottom = std::max(bottom, y);
            left = std::min(left, x);
            right = std::max(right, x);
        }
    }
    if (bottom < 0) return digit;
    const QRect box(QPoint(left, top), QPoint(right, bottom));
    const double scale = static_cast<double>(kDigitBox) / std::max(box.width(), box.height());
    const QSizeF fitted(box.width() * scale, box.height() * scale);
    const QRectF target((kDigitSize - fitted.width()) / 2.0, (kDigitSize - fitted.height()) / 2.0,
                        fitted.width(), fitted.height());
    QPainter painter(&digit);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(target,
                      ink_.copy(box).scaled(fitted.toSize().expandedTo(QSize(1, 1)),
                                            Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    return digit;
}

void DigitCanvas::drawStroke(const QList<QPointF>& points) {
    if (points.isEmpty()) return;
    last_ = points.front() * kInkSize;
    strokeTo(last_);
    for (const QPointF& point : points) strokeTo(point * kInkSize);
    Q_EMIT drawn(image());
}

QPointF DigitCanvas::toInk(const QPointF& widgetPoint) const {
    const double side = std::min(width(), height());
    return widgetPoint * (kInkSize / std::max(1.0, side));
}

void DigitCanvas::strokeTo(const QPointF& inkPoint) {
    QPainter painter(&ink_);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(Qt::white, kPenWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawLine(last_, inkPoint);
    last_ = inkPoint;
    blank_ = false;
    update();
}

void DigitCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const int side = std::min(width(), height());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(QRect(0, 0, side, side), ink_);
    painter.setPen(QPen(QColor(120, 120, 120), 1));
    painter.drawRect(QRect(0, 0, side - 1, side - 1));
    if (blank_) {
        painter.setPen(QColor(160, 160, 160));
        painter.drawText(QRect(0, 0, side, side), Qt::AlignCenter, tr("draw a digit here"));
    }
}

void DigitCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    drawing_ = true;
    last_ = toInk(event->position());
    strokeTo(last_);
}

void DigitCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (!drawing_) return;
    const QPointF point = toInk(event->position());
    if ((point - last_).manhattanLength() < 6.0) return;
    strokeTo(point);
    Q_EMIT drawn(image());
}

void DigitCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (!drawing_ || event->button() != Qt::LeftButton) return;
    drawing_ = false;
    strokeTo(toInk(event->position()));
    Q_EMIT drawn(image());
}

}  // namespace learn2add::ui
