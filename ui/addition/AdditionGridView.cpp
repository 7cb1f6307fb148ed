#include "addition/AdditionGridView.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "plots/FigureExport.h"

namespace learn2add::ui {
namespace {

constexpr int kTickLength = 4;
const QColor kRight(44, 160, 44);
const QColor kWrong(214, 39, 40);

// The room left of the canvas: the rotated y title and the tick labels.
int leftMargin(const QFontMetrics& metrics) {
    return 2 * metrics.height() + metrics.horizontalAdvance(QStringLiteral("0")) + 8;
}

}  // namespace

AdditionGridView::AdditionGridView(QWidget* parent) : QWidget(parent) {
    makeExportable(*this, tr("Digit-by-addend grid"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click a column to pick its input image"));
}

void AdditionGridView::showGrid(const GridPicture& grid) {
    grid_ = grid;
    update();
}

void AdditionGridView::setMarksVisible(bool visible) {
    marks_ = visible;
    update();
}

// Room on the left for the y title and tick labels, at the bottom for the x ones.
QRect AdditionGridView::canvasRect(const QSize& area, const QFontMetrics& metrics) const {
    const int left = leftMargin(metrics);
    const int bottom = 2 * metrics.height() + 8;
    const int side =
        std::max(kGridDigits, std::min(area.width() - left - 6, area.height() - bottom - 6));
    const int cell = side / kGridDigits;
    const int x = left + std::max(0, (area.width() - left - cell * kGridDigits) / 2);
    return {x, 4, cell * kGridDigits, cell * kGridDigits};
}

int AdditionGridView::columnAt(const QPoint& position) const {
    const QRect canvas = canvasRect(size(), fontMetrics());
    if (!canvas.contains(position)) return -1;
    return std::clamp((position.x() - canvas.left()) * kGridDigits / canvas.width(), 0, 9);
}

void AdditionGridView::paintFigure(QPainter& painter, const QSize& area) const {
    const QFontMetrics metrics = painter.fontMetrics();
    const QRect canvas = canvasRect(area, metrics);
    const double cell = canvas.width() / static_cast<double>(kGridDigits);
    painter.fillRect(canvas, Qt::black);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    if (!grid_.canvas.isNull()) painter.drawImage(canvas, grid_.canvas);

    // Axes as matplotlib draws them: a frame, ticks at cell centres, labels 0..9.
    painter.setPen(QPen(palette().color(QPalette::WindowText), 1));
    painter.drawRect(canvas.adjusted(0, 0, -1, -1));
    for (int k = 0; k < kGridDigits; ++k) {
        const int centre = static_cast<int>(cell * (k + 0.5));
        const int x = canvas.left() + centre;
        const int y = canvas.top() + centre;
        painter.drawLine(x, canvas.bottom(), x, canvas.bottom() + kTickLength);
        painter.drawLine(canvas.left() - kTickLength, y, canvas.left(), y);
        painter.drawText(QRect(x - 20, canvas.bottom() + kTickLength + 1, 40, metrics.height()),
                         Qt::AlignHCenter | Qt::AlignTop, QString::number(k));
        painter.drawText(
            QRect(0, y - metrics.height() / 2, canvas.left() - kTickLength - 3, metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(k));
    }
    painter.drawText(QRect(canvas.left(), canvas.bottom() + kTickLength + metrics.height() + 2,
                           canvas.width(), metrics.height()),
                     Qt::AlignHCenter, tr("predicted numbers"));
    painter.save();
    // Beside the tick labels, also when the canvas is centred in a wide widget.
    painter.translate(canvas.left() - leftMargin(metrics) + metrics.height() / 2 + 2,
                      canvas.center().y());
    painter.rotate(-90);
    painter.drawText(
        QRect(-canvas.height() / 2, -metrics.height() / 2, canvas.height(), metrics.height()),
        Qt::AlignCenter, tr("added values"));
    painter.restore();

    if (!marks_ || !grid_.judged || grid_.canvas.isNull()) return;
    QFont small = painter.font();
    small.setPixelSize(std::max(8, static_cast<int>(cell * 0.26)));
    small.setBold(true);
    painter.setFont(small);
    const int frame = std::max(1, static_cast<int>(cell / 24));
    for (int d = 0; d < kGridDigits; ++d) {
        for (int a = 0; d + a < kGridDigits; ++a) {
            const int read = grid_.read[d][a];
            if (read < 0) continue;
            const QColor colour = read == d + a ? kRight : kWrong;
            const QRectF box(canvas.left() + d * cell, canvas.top() + a * cell, cell, cell);
            painter.setPen(QPen(colour, frame));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(box.adjusted(frame / 2.0, frame / 2.0, -frame / 2.0, -frame / 2.0));
            painter.setPen(colour.lighter(130));
            painter.drawText(box.adjusted(0, 0, -frame - 1, -frame),
                             Qt::AlignRight | Qt::AlignBottom, QString::number(read));
        }
    }
}

void AdditionGridView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintFigure(painter, size());
}

QImage AdditionGridView::render(int scale) const {
    const int side = std::max(1, grid_.cellSize * kGridDigits * scale);
    QFont font = this->font();
    font.setPixelSize(std::max(10, 6 * scale + 4));
    const QFontMetrics metrics(font);
    const QSize area(
        side + 2 * metrics.height() + metrics.horizontalAdvance(QStringLiteral("0")) + 14,
        side + 2 * metrics.height() + 14);
    QImage image(area, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font);
    paintFigure(painter, area);
    return image;
}

void AdditionGridView::mouseReleaseEvent(QMouseEvent* event) {
    const int column = columnAt(event->position().toPoint());
    if (column >= 0 && event->button() == Qt::LeftButton) Q_EMIT columnClicked(column);
}

}  // namespace learn2add::ui
