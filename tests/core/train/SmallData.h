#pragma once
// A small slice of the embedded data for training tests: 600 train, 150 validation and 150 test
// digits, spread evenly over each split (every digit present). Built once per process.

#include <memory>

#include "data/MnistData.h"

namespace learn2add::train::testing {

std::shared_ptr<const data::MnistData> smallData();

}  // namespace learn2add::train::testing
