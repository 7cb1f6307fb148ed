#include "data/DigitPng.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/AtomicFile.h"
#include "common/PngFile.h"
#include "data/DataError.h"

namespace learn2add::data {
namespace {

constexpr int kPngScale = 4;
constexpr int kCaptionHeight = 28;

cv::Mat digitMat(const DigitSet& set, std::size_t index) {
    cv::Mat bytes(set.rows, set.cols, CV_8UC1, const_cast<std::uint8_t*>(set.image(index).data()));
    cv::Mat big;
    cv::resize(bytes, big, cv::Size(set.cols * kPngScale, set.rows * kPngScale), 0, 0,
               cv::INTER_NEAREST);
    return big;
}

// Input | output, with "i + a = n" written below.
cv::Mat pairPicture(const DigitSet& set, const AdditionPair& pair) {
    const int w = set.cols * kPngScale;
    const int h = set.rows * kPngScale;
    cv::Mat picture(h + kCaptionHeight, 2 * w + kPngScale * 2, CV_8UC1, cv::Scalar(255));
    digitMat(set, pair.input).copyTo(picture(cv::Rect(0, 0, w, h)));
    digitMat(set, pair.output).copyTo(picture(cv::Rect(w + kPngScale * 2, 0, w, h)));
    const int in = set.labels[pair.input];
    const std::string caption = std::to_string(in) + " + " + std::to_string(pair.addend) + " = " +
                                std::to_string(set.labels[pair.output]);
    cv::putText(picture, caption, cv::Point(8, h + kCaptionHeight - 8), cv::FONT_HERSHEY_SIMPLEX,
                0.7, cv::Scalar(0), 2);
    return picture;
}

void writePng(const std::filesystem::path& path, const cv::Mat& picture) {
    try {
        writePngAtomically(path, picture);
    } catch (const FileWriteError& e) {
        throw DataError(e.what());
    }
}

}  // namespace

std::vector<std::filesystem::path> exportAdditionPairSamples(const DigitSet& set,
                                                             const AdditionPairSet& pairs,
                                                             const std::filesystem::path& folder,
                                                             int count) {
    if (count < 1) throw DataError("the number of samples must be at least 1");
    if (pairs.pairs.empty()) throw DataError("there are no addition pairs to export");
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw DataError(folder.string() + ": cannot create the folder (" + error.message() + ")");

    const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(count), pairs.size());
    std::vector<std::filesystem::path> written;
    std::vector<cv::Mat> pictures;
    for (std::size_t k = 0; k < n; ++k) {
        const AdditionPair& pair = pairs.pairs[k * pairs.size() / n];
        const cv::Mat picture = pairPicture(set, pair);
        const std::string name = "pair-" + std::to_string(k) + "-" +
                                 std::to_string(set.labels[pair.input]) + "-plus-" +
                                 std::to_string(pair.addend) + "-is-" +
                                 std::to_string(set.labels[pair.output]) + ".png";
        writePng(folder / name, picture);
        written.push_back(folder / name);
        pictures.push_back(picture);
    }
    cv::Mat sheet;
    cv::vconcat(pictures, sheet);
    writePng(folder / "addition-pairs.png", sheet);
    written.push_back(folder / "addition-pairs.png");
    return written;
}

}  // namespace learn2add::data
