// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "inference/InferenceImages.h"

#include "infer/AdditionEvaluation.h"
#include "infer/AdditionRun.h"
#include "models/DecoderKind.h"
#include "report/ReportCharts.h"

namespace learn2add::ui {
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
    picture.canvas = gridCanvasImage(grid);
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
