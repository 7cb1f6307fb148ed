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

QImage tensorImage(const torch::Tensor& image) {
    const torch::Tensor bytes = (image.detach().to(torch::kCPU).squeeze() * 255.0)
                                    .round()
                                    .clamp(0, 255)
                                    .to(torch::kUInt8)
                                    .contiguous();
    TORCH_CHECK(bytes.dim() == 2, "tensorImage: expected one image, got ", image.sizes());
    const int rows = static_cast<int>(bytes.size(0));
    const int cols = static_cast<int>(bytes.size(1));
    QImage picture(cols, rows, QImage::Format_Grayscale8);
    const std::uint8_t* pixels = bytes.data_ptr<std::uint8_t>();
    for (int r = 0; r < rows; ++r) {
        std::memcpy(picture.scanLine(r), pixels + static_cast<std::size_t>(r) * cols,
                    static_cast<std::size_t>(cols));
    }
    return picture;
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
