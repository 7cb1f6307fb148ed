// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "addition/AdditionTensorViews.h"

#include <torch/torch.h>

#include <cstring>
#include <stdexcept>

#include "data/DigitTensors.h"

namespace learn2add::ui {

torch::Tensor inputTensor(const AdditionInput& input, int size) {
    if (input.empty() || input.rows <= 0 || input.cols <= 0 ||
        input.pixels.size() != static_cast<std::size_t>(input.rows) * input.cols) {
        throw std::invalid_argument("the input image is empty or its size does not match");
    }
    std::vector<float> values = data::resizeDigit(input.pixels, input.rows, input.cols, size);
    return torch::from_blob(values.data(), {1, 1, size, size}, torch::kFloat32).clone();
}

std::vector<QImage> tensorImages(const torch::Tensor& images) {
    const std::int64_t rows = images.size(-2);
    const std::int64_t cols = images.size(-1);
    const torch::Tensor bytes = (images.detach().to(torch::kCPU).reshape({-1, rows, cols}) * 255.0)
                                    .round()
                                    .clamp(0, 255)
                                    .to(torch::kUInt8)
                                    .contiguous();
    std::vector<QImage> pictures;
    const std::uint8_t* pixels = bytes.data_ptr<std::uint8_t>();
    for (std::int64_t b = 0; b < bytes.size(0); ++b) {
        QImage picture(static_cast<int>(cols), static_cast<int>(rows), QImage::Format_Grayscale8);
        for (std::int64_t r = 0; r < rows; ++r) {
            std::memcpy(picture.scanLine(static_cast<int>(r)), pixels + (b * rows + r) * cols,
                        static_cast<std::size_t>(cols));
        }
        pictures.push_back(std::move(picture));
    }
    return pictures;
}

QImage tensorImage(const torch::Tensor& image) {
    const torch::Tensor one = image.detach().squeeze();
    TORCH_CHECK(one.dim() == 2, "tensorImage: expected one image, got ", image.sizes());
    return tensorImages(one.unsqueeze(0)).front();
}

GridPicture gridPicture(const infer::AdditionGrid& grid, bool judged, int epoch) {
    GridPicture picture;
    picture.cellSize = grid.cellSize;
    const int side = grid.cellSize * infer::kDigits;
    picture.canvas = QImage(side, side, QImage::Format_Grayscale8);
    for (int r = 0; r < side; ++r) {
        std::memcpy(picture.canvas.scanLine(r),
                    grid.canvas.data() + static_cast<std::size_t>(r) * side,
                    static_cast<std::size_t>(side));
    }
    picture.read = grid.read;
    picture.judged = judged;
    picture.correct = judged ? grid.correctCells() : 0;
    picture.epoch = epoch;
    return picture;
}

}  // namespace learn2add::ui
