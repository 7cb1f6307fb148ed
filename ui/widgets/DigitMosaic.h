#pragma once
// A grid of small images with optional captions, scaled without smoothing so pixels stay crisp.
// Used for sample digits, addition pairs, reconstructions, strips and sample rows. Painted by the
// report's tile painter (report/ReportCharts.h: paintDigitTiles) in the window's ink, so a strip
// looks the same on screen, in the report and in the CLI's figures. GUI thread only.
//
//   auto* mosaic = new DigitMosaic(10);                 // 10 columns
//   mosaic->setTiles({{digitImage(set, 0), "5"}, ...});

#include <QImage>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "report/ReportCharts.h"

namespace learn2add::ui {

class DigitMosaic : public QWidget {
    Q_OBJECT
public:
    // An image (null: the cell stays empty), its caption under it (empty: none) and the judge's
    // reading (-1: none).
    using Tile = DigitTile;

    explicit DigitMosaic(int columns, QWidget* parent = nullptr);

    void setTiles(std::vector<Tile> tiles);
    void setColumns(int columns);
    const std::vector<Tile>& tiles() const { return tiles_; }
    // Column headers drawn above the grid (e.g. the digit of each column); empty for none.
    void setColumnHeaders(QStringList headers);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QSize sizeFor(double cell) const;

    int columns_;
    std::vector<Tile> tiles_;
    QStringList headers_;
};

}  // namespace learn2add::ui
