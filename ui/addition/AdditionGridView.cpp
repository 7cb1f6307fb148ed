#include "addition/AdditionGridView.h"

#include <QFontInfo>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "plots/FigureExport.h"
#include "widgets/ScreenInk.h"

namespace learn2add::ui {

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

GridReadings AdditionGridView::shownReadings() const {
    GridReadings read{};
    for (auto& column : read) column.fill(-1);
    if (marks_ && grid_.judged) {
        for (int d = 0; d < kGridDigits; ++d) {
            for (int a = 0; a < kGridDigits; ++a) read[d][a] = grid_.read[d][a];
        }
    }
    return read;
}

int AdditionGridView::columnAt(const QPoint& position) const {
    const QRectF canvas = additionGridCanvas(QRectF(rect()), false, screenInk(*this, 8.0));
    if (!canvas.contains(position)) return -1;
    return std::clamp(
        static_cast<int>((position.x() - canvas.left()) * kGridDigits / canvas.width()), 0, 9);
}

void AdditionGridView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintAdditionGrid(painter, QRectF(rect()), grid_.canvas, shownReadings(), QString(),
                      screenInk(*this, 8.0), grid_.heldOut);
}

QImage AdditionGridView::render(int scale) const {
    // The report's figure (white, the report's fonts) at `scale` x its natural size.
    const QSizeF size(360.0, 360.0 + 30.0);
    QImage image((size * scale).toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    paintAdditionGrid(painter, QRectF(QPointF(0, 0), size), grid_.canvas, shownReadings(),
                      tr("Digit-by-addend grid"), FigureInk{}, grid_.heldOut);
    return image;
}

void AdditionGridView::mouseReleaseEvent(QMouseEvent* event) {
    const int column = columnAt(event->position().toPoint());
    if (column >= 0 && event->button() == Qt::LeftButton) Q_EMIT columnClicked(column);
}

}  // namespace learn2add::ui
