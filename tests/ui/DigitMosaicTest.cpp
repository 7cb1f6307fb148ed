#include "widgets/DigitMosaic.h"

#include <gtest/gtest.h>

#include "ui/QtTestMain.h"
#include "widgets/DigitImage.h"

namespace learn2add::ui {
namespace {

TEST(DigitImage, CopiesBytesRowByRow) {
    data::DigitSet set;
    set.rows = 2;
    set.cols = 3;
    set.labels = {4};
    set.pixels = {0, 10, 20, 30, 40, 255};
    const QImage image = digitImage(set, 0);
    EXPECT_EQ(image.size(), QSize(3, 2));
    EXPECT_EQ(qGray(image.pixel(1, 0)), 10);
    EXPECT_EQ(qGray(image.pixel(2, 1)), 255);
}

TEST(DigitMosaic, PaintsTilesScaledWithoutSmoothing) {
    QImage white(4, 4, QImage::Format_Grayscale8);
    white.fill(255);
    DigitMosaic mosaic(2);
    mosaic.setTiles({{white, "a"}, {QImage(), ""}, {white, ""}});
    mosaic.resize(200, 220);
    const QImage shot = mosaic.grab().toImage();
    // Row 0 col 0 is white, row 0 col 1 is empty (background), row 1 col 0 is white.
    const QColor background = mosaic.palette().color(QPalette::Window);
    int whiteCount = 0;
    for (int y = 0; y < shot.height(); ++y) {
        for (int x = 0; x < shot.width(); ++x) whiteCount += shot.pixelColor(x, y) == Qt::white;
    }
    EXPECT_GT(whiteCount, 2 * 60 * 60);  // two large white tiles
    EXPECT_NE(background, QColor(Qt::white));
    EXPECT_EQ(mosaic.sizeHint().width(), 2 * (48 + 4));
}

}  // namespace
}  // namespace learn2add::ui
