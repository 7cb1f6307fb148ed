#pragma once
// The digits of a training report's ImageStrip as grey QImages (one per digit). Pure function.

#include <QImage>
#include <vector>

#include "train/TrainingReports.h"

namespace learn2add::ui {

std::vector<QImage> stripImages(const train::ImageStrip& strip);

}  // namespace learn2add::ui
