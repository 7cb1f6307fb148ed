#pragma once
// The IDX format of the MNIST files: a 4-byte magic (0, 0, element type, number of dimensions),
// one big-endian int32 per dimension, then the elements. Only unsigned bytes (type 0x08), the type
// of every MNIST file, are supported.
//
//   IdxArray images = readIdxFile("train-images-idx3-ubyte.gz");   // raw or gzip
//   // images.dims == {60000, 28, 28}

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace learn2add::data {

struct IdxArray {
    std::vector<std::int32_t> dims;
    std::vector<std::uint8_t> values;  // row-major, dims[0] * dims[1] * ... bytes
};

// Parses an IDX buffer (gzip-compressed or not). Throws DataError, naming `sourceName`, when the
// magic, the dimensions or the size do not agree.
IdxArray parseIdx(std::span<const std::uint8_t> bytes, const std::string& sourceName);

// Reads and parses an IDX file (raw or .gz). Throws DataError when it cannot be read or parsed.
IdxArray readIdxFile(const std::filesystem::path& path);

// Serialises an array as raw IDX bytes (unsigned byte elements). Used by tests and tools.
std::vector<std::uint8_t> encodeIdx(const IdxArray& array);

}  // namespace learn2add::data
