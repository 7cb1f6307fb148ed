#pragma once
// What inference answers with, as the front end draws it: grey byte images as QImages and the
// digit-by-addend grid as a GridPicture. Pure functions; any thread (the inference clients convert
// on the inference thread, so the GUI thread only paints).
//
//   QImage picture = toQImage(explorerOutput.image);

#include <QImage>
#include <vector>

#include "addition/AdditionViewTypes.h"
#include "infer/GreyImage.h"

namespace learn2add::infer {
struct AdditionGrid;
}

namespace learn2add::ui {

QImage toQImage(const infer::GreyImage& image);  // Format_Grayscale8; null for an empty image
std::vector<QImage> toQImages(const std::vector<infer::GreyImage>& images);
infer::GreyImage greyImageOf(const AdditionInput& input);

GridPicture gridPicture(const infer::AdditionGrid& grid, bool judged, int epoch);

}  // namespace learn2add::ui
