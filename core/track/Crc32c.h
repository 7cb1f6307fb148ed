#pragma once
// CRC-32C (Castagnoli), as used by TFRecord framing in TensorBoard event files.
//
//   std::uint32_t crc = learn2add::track::crc32c("123456789");   // 0xE3069283
//   std::uint32_t stored = learn2add::track::maskCrc32c(crc);     // what a record holds
//
// Pure functions on caller-owned bytes; safe to call from any thread.

#include <cstdint>
#include <span>
#include <string_view>

namespace learn2add::track {

// CRC-32C of `bytes` (reflected polynomial 0x82F63B78, initial value and final xor 0xFFFFFFFF).
std::uint32_t crc32c(std::span<const std::uint8_t> bytes);
std::uint32_t crc32c(std::string_view bytes);

// Continues a CRC-32C over more bytes: crc32cExtend(crc32c(a), b) == crc32c(a + b).
std::uint32_t crc32cExtend(std::uint32_t crc, std::span<const std::uint8_t> bytes);

// TFRecord stores CRCs masked, so that a CRC over data that itself contains CRCs stays strong:
// rotate right by 15 bits, then add 0xa282ead8 (modulo 2^32).
constexpr std::uint32_t maskCrc32c(std::uint32_t crc) {
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

constexpr std::uint32_t unmaskCrc32c(std::uint32_t masked) {
    const std::uint32_t rotated = masked - 0xa282ead8u;
    return (rotated >> 17) | (rotated << 15);
}

}  // namespace learn2add::track
