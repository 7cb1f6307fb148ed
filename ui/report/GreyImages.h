#pragma once
// Grey byte images (infer::GreyImage) as QImages, for the painters and the front ends. Pure; any
// thread.
//
//   QImage picture = toQImage(explorerOutput.image);

#include <QImage>

#include "infer/GreyImage.h"

namespace learn2add::ui {

// Format_Grayscale8, row by row; null for an empty image.
QImage toQImage(const infer::GreyImage& image);

}  // namespace learn2add::ui
