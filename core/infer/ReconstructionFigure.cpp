#include "infer/ReconstructionFigure.h"

#include <torch/torch.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/PngFile.h"
#include "data/DigitTensors.h"
#include "models/Resize64Decoder.h"
#include "train/ShownDigits.h"

namespace learn2add::infer {
namespace {

constexpr int kFigureScale = 4;
constexpr int kGap = 6;
constexpr int kTitleHeight = 30;
constexpr int kLabelWidth = 130;

cv::Mat stripRow(const train::ImageStrip& strip) {
    const int cell = strip.size * kFigureScale;
    cv::Mat row(cell, strip.count * (cell + kGap), CV_8UC1, cv::Scalar(255));
    for (int k = 0; k < strip.count; ++k) {
        cv::Mat digit(strip.size, strip.size, CV_8UC1,
                      const_cast<std::uint8_t*>(strip.pixels.data()) + static_cast<std::size_t>(k) * strip.size * strip.size);
        cv::Mat big;
        cv::resize(digit, big, cv::Size(cell, cell), 0, 0, cv::INTER_NEAREST);
        big.copyTo(row(cv::Rect(k * (cell + kGap), 0, cell, cell)));
    }
    return row;
}

}  // namespace

std::pair<train::ImageStrip, train::ImageStrip> reconstructShownDigits(AutoencoderRun& run,
                                                                       const data::DigitSet& validation) {
    torch::NoGradGuard noGrad;
    const auto indices = train::shownDigitIndices(validation);
    std::vector<std::size_t> positions(indices.begin(), indices.end());
    const torch::Tensor inputs32 = data::imagesToTensor(validation, positions, 32);
    const int size = static_cast<int>(run.model->imageSize());
    const torch::Tensor inputs = size == 32 ? inputs32 : data::imagesToTensor(validation, positions, size);
    torch::Tensor outputs = run.model->forward(inputs);
    if (size != 32) outputs = models::resizeForEvaluation(outputs);
    return {train::toStrip(inputs32), train::toStrip(outputs)};
}

void writeReconstructionFigure(const std::filesystem::path& path, const train::ImageStrip& inputs,
                               const train::ImageStrip& outputs, const std::string& title) {
    const cv::Mat top = stripRow(inputs);
    const cv::Mat bottom = stripRow(outputs);
    cv::Mat figure(kTitleHeight + top.rows + kGap + bottom.rows + kGap, kLabelWidth + top.cols,
                   CV_8UC1, cv::Scalar(255));
    cv::putText(figure, title, cv::Point(8, 21), cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(0), 1, cv::LINE_AA);
    top.copyTo(figure(cv::Rect(kLabelWidth, kTitleHeight, top.cols, top.rows)));
    bottom.copyTo(figure(cv::Rect(kLabelWidth, kTitleHeight + top.rows + kGap, bottom.cols, bottom.rows)));
    cv::putText(figure, "input", cv::Point(8, kTitleHeight + top.rows / 2 + 6), cv::FONT_HERSHEY_SIMPLEX,
                0.6, cv::Scalar(0), 1, cv::LINE_AA);
    cv::putText(figure, "reconstruction", cv::Point(8, kTitleHeight + top.rows + kGap + bottom.rows / 2 + 6),
                cv::FONT_HERSHEY_SIMPLEX, 0.5, cv::Scalar(0), 1, cv::LINE_AA);
    writePngAtomically(path, figure);
}

}  // namespace learn2add::infer
