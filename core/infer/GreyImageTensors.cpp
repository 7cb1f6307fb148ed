#include "infer/GreyImageTensors.h"

#include <torch/torch.h>

#include <stdexcept>

#include "data/DigitTensors.h"

namespace learn2add::infer {

torch::Tensor inputTensor(const GreyImage& image, int size) {
    if (image.empty() || image.rows <= 0 || image.cols <= 0 ||
        image.pixels.size() != static_cast<std::size_t>(image.rows) * image.cols) {
        throw std::invalid_argument("the input image is empty or its size does not match");
    }
    std::vector<float> values = data::resizeDigit(image.pixels, image.rows, image.cols, size);
    return torch::from_blob(values.data(), {1, 1, size, size}, torch::kFloat32).clone();
}

std::vector<GreyImage> toGreyImages(const torch::Tensor& images) {
    const std::int64_t rows = images.size(-2);
    const std::int64_t cols = images.size(-1);
    const torch::Tensor bytes = (images.detach().to(torch::kCPU, torch::kFloat32)
                                     .reshape({-1, rows, cols}) *
                                 255.0)
                                    .round()
                                    .clamp(0, 255)
                                    .to(torch::kUInt8)
                                    .contiguous();
    const std::uint8_t* pixels = bytes.data_ptr<std::uint8_t>();
    const auto area = static_cast<std::size_t>(rows * cols);
    std::vector<GreyImage> result;
    result.reserve(static_cast<std::size_t>(bytes.size(0)));
    for (std::int64_t b = 0; b < bytes.size(0); ++b) {
        const std::uint8_t* first = pixels + static_cast<std::size_t>(b) * area;
        result.push_back({static_cast<int>(rows), static_cast<int>(cols), {first, first + area}});
    }
    return result;
}

GreyImage toGreyImage(const torch::Tensor& image) {
    const torch::Tensor one = image.detach().squeeze();
    TORCH_CHECK(one.dim() == 2, "toGreyImage: expected one image, got ", image.sizes());
    return toGreyImages(one.unsqueeze(0)).front();
}

}  // namespace learn2add::infer
