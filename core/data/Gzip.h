#pragma once
// gzip helpers (zlib). Used to read IDX files that may or may not be compressed, and by tests to
// write compressed fixtures.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace learn2add::data {

// True when the bytes start with the gzip magic (1f 8b).
bool isGzip(std::span<const std::uint8_t> bytes);

// Decompresses a complete gzip stream of at most `limit` bytes. Throws DataError naming
// `sourceName` when the stream is corrupt or truncated, or inflates to more than `limit` bytes (a
// "gzip bomb" is refused after `limit` bytes, not after filling the memory).
std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> bytes, const std::string& sourceName,
                                 std::size_t limit = SIZE_MAX);

// The first `count` decompressed bytes, or the whole stream when it is shorter (then checked as
// gunzip() checks it): a header to read, or content whose size is announced.
std::vector<std::uint8_t> gunzipAtMost(std::span<const std::uint8_t> bytes,
                                       const std::string& sourceName, std::size_t count);

// Compresses bytes into a gzip stream (best compression).
std::vector<std::uint8_t> gzip(std::span<const std::uint8_t> bytes);

}  // namespace learn2add::data
