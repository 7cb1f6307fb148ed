#include "common/SeededShuffle.h"

#include <limits>
#include <sstream>
#include <stdexcept>

namespace learn2add {

std::uint64_t SeededShuffle::below(std::uint64_t bound) {
    // Largest multiple of bound that fits; values above it would bias the low residues.
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t draw = engine_();
    while (draw >= limit) draw = engine_();
    return draw % bound;
}

std::string SeededShuffle::state() const {
    std::ostringstream out;
    out << engine_;
    return out.str();
}

void SeededShuffle::restore(const std::string& state) {
    std::istringstream in(state);
    std::mt19937_64 engine;
    in >> engine;
    if (!in) throw std::invalid_argument("not a saved random engine state");
    engine_ = engine;
}

}  // namespace learn2add
