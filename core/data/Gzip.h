#pragma once
// gzip helpers (zlib). Used to read IDX files that may or may not be compressed, and by tests to
// write compressed fixtures.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace learn2add::data {

// True when the bytes start with the gzip magic (1f 8b).
bool isGzip(std::span<const std::uint8_t> bytes);

// Decompresses a complete gzip stream. Throws DataError naming `sourceName` when the stream is
// corrupt or truncated.
std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> bytes, const std::string& sourceName);

// Compresses bytes into a gzip stream (best compression).
std::vector<std::uint8_t> gzip(std::span<const std::uint8_t> bytes);

}  // namespace learn2add::data
