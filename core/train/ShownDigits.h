#pragma once
// The 5 fixed validation digits whose reconstructions are shown every epoch (GUI, TensorBoard,
// `learn2add-cli reconstruct`), and tensors as byte strips for display.

#include <torch/types.h>

#include <cstdint>
#include <vector>

#include "data/DigitSet.h"
#include "train/TrainingReports.h"

namespace learn2add::train {

// The first image of each of the digits 0, 2, 4, 7, 9 in `set`; other images fill in for digits the
// set lacks, so there are always 5 (or as many as the set holds).
std::vector<std::int64_t> shownDigitIndices(const data::DigitSet& set);

// Images [N, 1, S, S] in [0, 1] as bytes.
ImageStrip toStrip(const torch::Tensor& images);

}  // namespace learn2add::train
