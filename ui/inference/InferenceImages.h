#pragma once
// What inference answers with, as the front end draws it: grey byte images as QImages, the
// digit-by-addend grid as a GridPicture, and an opened run's description. Pure functions; any thread (the inference clients convert
// on the inference thread, so the GUI thread only paints).
//
//   QImage picture = toQImage(explorerOutput.image);

#include <QImage>
#include <vector>

#include "addition/AdditionViewTypes.h"
#include "infer/GreyImage.h"
#include "report/GreyImages.h"

namespace learn2add::infer {
struct AdditionGrid;
struct AdditionRun;
struct JudgeRun;
}

namespace learn2add::ui {

std::vector<QImage> toQImages(const std::vector<infer::GreyImage>& images);
infer::GreyImage greyImageOf(const AdditionInput& input);

GridPicture gridPicture(const infer::AdditionGrid& grid, bool judged, int epoch,
                        const data::HeldOutCells& heldOut = {});

// How the pages name an opened run: "upsample · code 7 · best epoch 12", "test accuracy 98.80%".
QString describeAdditionRun(const infer::AdditionRun& run);
QString describeJudgeRun(const infer::JudgeRun& run);

}  // namespace learn2add::ui
