#include "common/SeededShuffle.h"

#include <limits>

namespace learn2add {

std::uint64_t SeededShuffle::below(std::uint64_t bound) {
    // Largest multiple of bound that fits; values above it would bias the low residues.
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t draw = engine_();
    while (draw >= limit) draw = engine_();
    return draw % bound;
}

}  // namespace learn2add
