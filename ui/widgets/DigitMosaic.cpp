#include "widgets/DigitMosaic.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>

#include "plots/FigureExport.h"

namespace learn2add::ui {
namespace {
constexpr int kGap = 4;
constexpr int kPreferredCell = 48;
constexpr int kMinimumCell = 20;
}  // namespace

DigitMosaic::DigitMosaic(int columns, QWidget* parent)
    : QWidget(parent), columns_(std::max(1, columns)) {
    makeExportable(*this, tr("Digit images"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void DigitMosaic::setTiles(std::vector<Tile> tiles) {
    const int rowsBefore = rows();
    const int captionBefore = captionHeight();
    tiles_ = std::move(tiles);
    // New images in the same cells (a live output, a slider drag) repaint this widget alone; only
    // a change of the size hints asks the layouts up to the window to run again.
    if (rows() != rowsBefore || captionHeight() != captionBefore) updateGeometry();
    update();
}

void DigitMosaic::setColumns(int columns) {
    columns_ = std::max(1, columns);
    updateGeometry();
    update();
}

void DigitMosaic::setColumnHeaders(QStringList headers) {
    headers_ = std::move(headers);
    updateGeometry();
    update();
}

int DigitMosaic::rows() const {
    return static_cast<int>((tiles_.size() + columns_ - 1) / columns_);
}

int DigitMosaic::captionHeight() const {
    const bool any = std::any_of(tiles_.begin(), tiles_.end(),
                                 [](const Tile& t) { return !t.caption.isEmpty(); });
    return any ? fontMetrics().height() + 2 : 0;
}

int DigitMosaic::headerHeight() const { return headers_.isEmpty() ? 0 : fontMetrics().height() + 4; }

QSize DigitMosaic::sizeHint() const {
    const int r = std::max(1, rows());
    return {columns_ * (kPreferredCell + kGap),
            headerHeight() + r * (kPreferredCell + captionHeight() + kGap)};
}

QSize DigitMosaic::minimumSizeHint() const {
    const int r = std::max(1, rows());
    return {columns_ * (kMinimumCell + kGap),
            headerHeight() + r * (kMinimumCell + captionHeight() + kGap)};
}

namespace {

// Draws `text` in `box`, in a smaller font when it is too wide (down to 6 pt), elided when even
// that is too wide.
void drawFittedText(QPainter& painter, const QRect& box, int flags, const QString& text) {
    QFont font = painter.font();
    const qreal base = font.pointSizeF() > 0 ? font.pointSizeF() : 9.0;
    for (qreal size = base; size > 6.0; size -= 0.5) {
        font.setPointSizeF(size);
        if (QFontMetrics(font).horizontalAdvance(text) <= box.width()) break;
    }
    painter.save();
    painter.setFont(font);
    painter.drawText(box, flags, QFontMetrics(font).elidedText(text, Qt::ElideRight, box.width()));
    painter.restore();
}

}  // namespace

void DigitMosaic::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const int r = std::max(1, rows());
    const int caption = captionHeight();
    const int header = headerHeight();
    // Square cells, as large as fit.
    const int cell = std::max(kMinimumCell,
                              std::min((width() - kGap * columns_) / columns_,
                                       (height() - header - r * (caption + kGap)) / r));
    const int left = std::max(0, (width() - columns_ * (cell + kGap)) / 2);
    for (int c = 0; c < headers_.size() && c < columns_; ++c) {
        drawFittedText(painter, QRect(left + c * (cell + kGap), 0, cell + kGap, header),
                       Qt::AlignCenter, headers_[c]);
    }
    for (std::size_t k = 0; k < tiles_.size(); ++k) {
        const int row = static_cast<int>(k) / columns_;
        const int col = static_cast<int>(k) % columns_;
        const QRect target(left + col * (cell + kGap), header + row * (cell + caption + kGap), cell, cell);
        if (!tiles_[k].image.isNull()) painter.drawImage(target, tiles_[k].image);
        if (!tiles_[k].caption.isEmpty()) {
            // A caption keeps to its own column (the whole width when there is one column), so
            // neighbouring captions never run together.
            const QRect box = columns_ == 1 ? QRect(0, target.bottom() + 1, width(), caption)
                                            : QRect(target.left() - kGap / 2, target.bottom() + 1,
                                                    cell + kGap, caption);
            drawFittedText(painter, box, Qt::AlignHCenter | Qt::AlignTop, tiles_[k].caption);
        }
    }
}

}  // namespace learn2add::ui
