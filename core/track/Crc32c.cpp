#include "track/Crc32c.h"

#include <array>

namespace learn2add::track {
namespace {

constexpr std::uint32_t kReflectedPolynomial = 0x82F63B78u;

// The classic byte-at-a-time table, built at compile time.
constexpr std::array<std::uint32_t, 256> makeTable() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t byte = 0; byte < 256; ++byte) {
        std::uint32_t crc = byte;
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 1u) ? (crc >> 1) ^ kReflectedPolynomial : crc >> 1;
        }
        table[byte] = crc;
    }
    return table;
}

constexpr std::array<std::uint32_t, 256> kTable = makeTable();

}  // namespace

std::uint32_t crc32cExtend(std::uint32_t crc, std::span<const std::uint8_t> bytes) {
    std::uint32_t state = ~crc;
    for (const std::uint8_t byte : bytes) {
        state = kTable[(state ^ byte) & 0xFFu] ^ (state >> 8);
    }
    return ~state;
}

std::uint32_t crc32c(std::span<const std::uint8_t> bytes) {
    return crc32cExtend(0, bytes);
}

std::uint32_t crc32c(std::string_view bytes) {
    return crc32c(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

}  // namespace learn2add::track
