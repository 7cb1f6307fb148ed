#include "cli/TestImages.h"

#include <stdexcept>

namespace learn2add::cli {

std::size_t testImagePosition(const data::DigitSet& test, int digit, int index, const std::string& option) {
    const auto positions = test.indicesOf(digit);
    if (index < 0 || static_cast<std::size_t>(index) >= positions.size()) {
        throw std::invalid_argument("the test split has " + std::to_string(positions.size()) + " images of " +
                                    std::to_string(digit) + "; " + option + " must be below that");
    }
    return positions[static_cast<std::size_t>(index)];
}

infer::GreyImage testImage(const data::DigitSet& test, int digit, int index, const std::string& option) {
    const auto bytes = test.image(testImagePosition(test, digit, index, option));
    return {test.rows, test.cols, {bytes.begin(), bytes.end()}};
}

}  // namespace learn2add::cli
