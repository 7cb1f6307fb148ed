#pragma once
// PNG pictures of digits and addition pairs, for the CLI (OpenCV; the GUI draws its own).

#include <filesystem>
#include <vector>

#include "data/AdditionPairs.h"
#include "data/DigitSet.h"

namespace learn2add::data {

// Writes `count` addition pairs, spread evenly over the whole pair list, as PNGs in `folder`
// (created when missing): one file per pair, "pair-<k>-<i>-plus-<a>-is-<n>.png", showing the input
// and the expected output side by side with a caption, and "addition-pairs.png" with all of them.
// Returns the files written; throws DataError when the folder or a file cannot be written.
std::vector<std::filesystem::path> exportAdditionPairSamples(const DigitSet& set,
                                                             const AdditionPairSet& pairs,
                                                             const std::filesystem::path& folder,
                                                             int count);

}  // namespace learn2add::data
