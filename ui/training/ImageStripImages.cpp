#include "training/ImageStripImages.h"

#include <cstring>

namespace learn2add::ui {

std::vector<QImage> stripImages(const train::ImageStrip& strip) {
    std::vector<QImage> images;
    const std::size_t side = static_cast<std::size_t>(std::max(0, strip.size));
    if (side == 0 || strip.count <= 0 ||
        strip.pixels.size() < static_cast<std::size_t>(strip.count) * side * side) {
        return images;
    }
    for (int k = 0; k < strip.count; ++k) {
        QImage image(strip.size, strip.size, QImage::Format_Grayscale8);
        const std::uint8_t* first = strip.pixels.data() + static_cast<std::size_t>(k) * side * side;
        for (std::size_t row = 0; row < side; ++row) {
            std::memcpy(image.scanLine(static_cast<int>(row)), first + row * side, side);
        }
        images.push_back(std::move(image));
    }
    return images;
}

}  // namespace learn2add::ui
