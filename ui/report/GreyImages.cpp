#include "report/GreyImages.h"

#include <cstring>

namespace learn2add::ui {

QImage toQImage(const infer::GreyImage& image) {
    if (image.empty()) return {};
    QImage picture(image.cols, image.rows, QImage::Format_Grayscale8);
    for (int r = 0; r < image.rows; ++r) {
        std::memcpy(picture.scanLine(r), image.pixels.data() + static_cast<std::size_t>(r) * image.cols,
                    static_cast<std::size_t>(image.cols));
    }
    return picture;
}

}  // namespace learn2add::ui
