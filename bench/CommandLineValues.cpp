#include "CommandLineValues.h"

#include <stdexcept>

namespace learn2add::bench {

int positiveInteger(const std::string& flag, const std::string& text) {
    std::size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || value < 1) {
        throw std::invalid_argument(flag + " needs a whole number of at least 1, got '" + text +
                                    "'");
    }
    return value;
}

}  // namespace learn2add::bench
