#include "widgets/DigitMosaic.h"

#include <QFontInfo>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "plots/FigureExport.h"
#include "widgets/ScreenInk.h"

namespace learn2add::ui {
namespace {
constexpr int kPreferredCell = 48;
constexpr int kMinimumCell = 20;
constexpr double kReportCaptionFont = 9.0;  // the report's caption size, in pixels
}  // namespace

DigitMosaic::DigitMosaic(int columns, QWidget* parent)
    : QWidget(parent), columns_(std::max(1, columns)) {
    makeExportable(*this, tr("Digit images"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void DigitMosaic::setTiles(std::vector<Tile> tiles) {
    const QSize before = sizeFor(kPreferredCell);
    tiles_ = std::move(tiles);
    // New images in the same cells (a live output, a slider drag) repaint this widget alone; only
    // a change of the size hints asks the layouts up to the window to run again.
    if (sizeFor(kPreferredCell) != before) updateGeometry();
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

QSize DigitMosaic::sizeFor(double cell) const {
    const QSizeF size = digitTilesSize(tiles_, columns_, !headers_.isEmpty(), cell, screenInk(*this, kReportCaptionFont));
    return {static_cast<int>(std::ceil(size.width())), static_cast<int>(std::ceil(size.height()))};
}

QSize DigitMosaic::sizeHint() const {
    return sizeFor(kPreferredCell);
}

QSize DigitMosaic::minimumSizeHint() const {
    return sizeFor(kMinimumCell);
}

void DigitMosaic::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintDigitTiles(painter, QRectF(rect()), tiles_, columns_, headers_, screenInk(*this, kReportCaptionFont));
}

}  // namespace learn2add::ui
