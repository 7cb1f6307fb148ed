#pragma once
// The data of the "input vs reconstruction" figure of ASSIGNMENT.md Part II.7: the 5 fixed
// validation digits and their reconstructions (painted by ui/report: reconstructionFigure()).

#include <utility>

#include "data/DigitSet.h"
#include "infer/AutoencoderRun.h"
#include "train/TrainingReports.h"

namespace learn2add::infer {

// Reconstructs the 5 fixed validation digits (train/ShownDigits.h) with the run's model, at 32x32.
std::pair<train::ImageStrip, train::ImageStrip> reconstructShownDigits(AutoencoderRun& run,
                                                                       const data::DigitSet& validation);

}  // namespace learn2add::infer
