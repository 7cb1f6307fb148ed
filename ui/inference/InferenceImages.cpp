// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "inference/InferenceImages.h"

#include <cstring>

#include "infer/AdditionEvaluation.h"
#include "infer/AdditionRun.h"
#include "models/DecoderKind.h"

namespace learn2add::ui {
namespace {

QImage greyQImage(int rows, int cols, const std::uint8_t* pixels) {
    QImage picture(cols, rows, QImage::Format_Grayscale8);
    for (int r = 0; r < rows; ++r) {
        std::memcpy(picture.scanLine(r), pixels + static_cast<std::size_t>(r) * cols,
                    static_cast<std::size_t>(cols));
    }
    return picture;
}

}  // namespace

QImage toQImage(const infer::GreyImage& image) {
    if (image.empty()) return {};
    return greyQImage(image.rows, image.cols, image.pixels.data());
}

std::vector<QImage> toQImages(const std::vector<infer::GreyImage>& images) {
    std::vector<QImage> pictures;
    pictures.reserve(images.size());
    for (const infer::GreyImage& image : images) pictures.push_back(toQImage(image));
    return pictures;
}

infer::GreyImage greyImageOf(const AdditionInput& input) {
    return {input.rows, input.cols, input.pixels};
}

GridPicture gridPicture(const infer::AdditionGrid& grid, bool judged, int epoch,
                        const data::HeldOutCells& heldOut) {
    GridPicture picture;
    picture.cellSize = grid.cellSize;
    const int side = grid.cellSize * infer::kDigits;
    picture.canvas = greyQImage(side, side, grid.canvas.data());
    picture.read = grid.read;
    picture.judged = judged;
    picture.correct = judged ? grid.correctCells() : 0;
    picture.epoch = epoch;
    picture.heldOut = heldOut;
    return picture;
}

QString describeAdditionRun(const infer::AdditionRun& run) {
    return QStringLiteral("%1 · code %2 · best epoch %3")
        .arg(QString::fromStdString(models::toString(run.model->decoderKind())))
        .arg(run.model->codeSize())
        .arg(run.checkpoint.epoch);
}

QString describeJudgeRun(const infer::JudgeRun& run) {
    return run.testAccuracy >= 0
               ? QStringLiteral("test accuracy %1%").arg(100.0 * run.testAccuracy, 0, 'f', 2)
               : QStringLiteral("test accuracy unknown");
}

}  // namespace learn2add::ui
