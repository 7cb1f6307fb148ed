#pragma once
// A grid of small images with optional captions, scaled without smoothing so pixels stay crisp.
// Used for sample digits, addition pairs, reconstructions. GUI thread only.
//
//   auto* mosaic = new DigitMosaic(10);                 // 10 columns
//   mosaic->setTiles({{digitImage(set, 0), "5"}, ...});

#include <QImage>
#include <QString>
#include <QWidget>
#include <vector>

namespace learn2add::ui {

class DigitMosaic : public QWidget {
    Q_OBJECT
public:
    struct Tile {
        QImage image;     // a null image leaves the cell empty
        QString caption;  // drawn under the image when not empty
    };

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
    int rows() const;
    int captionHeight() const;
    int headerHeight() const;

    int columns_;
    std::vector<Tile> tiles_;
    QStringList headers_;
};

}  // namespace learn2add::ui
