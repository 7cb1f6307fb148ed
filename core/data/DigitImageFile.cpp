#include "data/DigitImageFile.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "data/DataError.h"

namespace learn2add::data {

torch::Tensor readDigitImage(const std::filesystem::path& path, int size) {
    cv::Mat image;
    try {
        image = cv::imread(path.string(), cv::IMREAD_GRAYSCALE);
    } catch (const cv::Exception&) {
        image = cv::Mat();
    }
    if (image.empty()) {
        throw DataError(path.string() + " is not an image that can be read (PNG, JPEG, BMP ...)");
    }
    if (image.rows < 8 || image.cols < 8) {
        throw DataError(path.string() + " is " + std::to_string(image.cols) + "x" +
                        std::to_string(image.rows) +
                        " pixels; a digit image of at least 8x8 (28x28 or 32x32) is expected");
    }
    cv::Mat resized;
    cv::resize(image, resized, {size, size}, 0, 0, cv::INTER_AREA);
    resized.convertTo(resized, CV_32F, 1.0 / 255.0);
    torch::Tensor digit = torch::from_blob(resized.data, {1, 1, size, size}, torch::kFloat32).clone();
    if (digit.mean().item<double>() > 0.5) digit = 1.0 - digit;
    return digit;
}

}  // namespace learn2add::data
