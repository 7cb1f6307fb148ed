#pragma once
// The "input vs reconstruction" figure of ASSIGNMENT.md Part II.7: inputs on the top row, their
// reconstructions below, each digit enlarged, written as a PNG.

#include <filesystem>
#include <string>
#include <utility>

#include "data/DigitSet.h"
#include "infer/AutoencoderRun.h"
#include "train/TrainingReports.h"

namespace learn2add::infer {

// Reconstructs the 5 fixed validation digits (train/ShownDigits.h) with the run's model, at 32x32.
std::pair<train::ImageStrip, train::ImageStrip> reconstructShownDigits(AutoencoderRun& run,
                                                                       const data::DigitSet& validation);

// Writes inputs above outputs (same count and size), 4x enlarged, with `title` on top. Throws
// data::DataError when the file cannot be written.
void writeReconstructionFigure(const std::filesystem::path& path, const train::ImageStrip& inputs,
                               const train::ImageStrip& outputs, const std::string& title);

}  // namespace learn2add::infer
