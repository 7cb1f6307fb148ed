#pragma once
// A test image chosen on the command line by its digit and its index among that digit's images
// (`add`, `compare`, `morph`, `features`).
//
//   const std::size_t at = testImagePosition(data.test, 7, 3, "--index");   // throws when too few

#include <cstddef>
#include <string>

#include "data/DigitSet.h"
#include "infer/GreyImage.h"

namespace learn2add::cli {

// The position in `test` of the index-th image of `digit`. Throws std::invalid_argument naming the
// option when the split has too few: "the test split has 86 images of 5; --to-index must be below
// that".
std::size_t testImagePosition(const data::DigitSet& test, int digit, int index, const std::string& option);
// That image as grey bytes (28 x 28).
infer::GreyImage testImage(const data::DigitSet& test, int digit, int index, const std::string& option);

}  // namespace learn2add::cli
