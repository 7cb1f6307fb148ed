#pragma once
// Loading MNIST-format data and splitting it into train / validation / test.
//
//   MnistData data = loadMnist(std::nullopt, 42);          // the embedded subset, 80/10/10
//   MnistData full = loadMnist("/data/mnist", 42);         // a folder with the four MNIST files
//
// Every function throws DataError with a message for the user when the data cannot be used.
// Thread-safe: no shared state; call from any thread.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "data/DigitSet.h"

namespace learn2add::data {

struct MnistData {
    DigitSet train;
    DigitSet validation;
    DigitSet test;
    std::string source;        // what was loaded, for the user ("embedded MNIST subset", a path)
    std::optional<std::filesystem::path> folder;  // the MNIST folder; empty for the embedded subset
    std::uint64_t seed = 0;    // the seed of the split
    double loadSeconds = 0.0;  // reading, decompressing, validating and splitting
};

// The four standard MNIST file names; each may also end in ".gz", and the "idx3-ubyte" part may be
// written "idx3-ubyte" or ".idx3-ubyte" (as some mirrors do).
inline constexpr const char* kMnistFileStems[4] = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                                   "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

// The embedded 10,000 digits, split 80/10/10 (stratified by digit, deterministic by seed).
MnistData loadEmbeddedMnist(std::uint64_t seed);

// A folder with the four standard files: train minus a stratified 10% validation hold-out, and
// t10k as the test split.
MnistData loadMnistFolder(const std::filesystem::path& folder, std::uint64_t seed);

// The folder when one is given, the embedded subset otherwise.
MnistData loadMnist(const std::optional<std::filesystem::path>& folder, std::uint64_t seed);

}  // namespace learn2add::data
