#include "widgets/DigitImage.h"

#include <cstring>

namespace learn2add::ui {

QImage digitImage(const data::DigitSet& set, std::size_t index) {
    QImage image(set.cols, set.rows, QImage::Format_Grayscale8);
    const auto pixels = set.image(index);
    for (int r = 0; r < set.rows; ++r) {
        std::memcpy(image.scanLine(r), pixels.data() + static_cast<std::size_t>(r) * set.cols,
                    static_cast<std::size_t>(set.cols));
    }
    return image;
}

}  // namespace learn2add::ui
