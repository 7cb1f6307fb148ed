#pragma once
// Test fixtures: small IDX files written by code (no hand-made binaries).

#include <cstdint>
#include <filesystem>
#include <vector>

#include "data/IdxFile.h"

namespace learn2add::data::testing {

// `labels.size()` images of rows x cols; image k is filled with the value k % 256.
IdxArray makeImages(std::size_t count, int rows = 28, int cols = 28);
IdxArray makeLabels(const std::vector<std::uint8_t>& labels);

void writeBytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);

// A fresh, empty folder under the system temp directory, removed by the destructor.
class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// Writes the four MNIST files into `folder`: `trainLabels.size()` train and `testLabels.size()`
// t10k images, gzipped when `gz` is true.
void writeMnistFolder(const std::filesystem::path& folder, const std::vector<std::uint8_t>& trainLabels,
                      const std::vector<std::uint8_t>& testLabels, bool gz);

// Labels 0..9 repeated: perClass images of each digit, interleaved.
std::vector<std::uint8_t> balancedLabels(std::size_t perClass);

}  // namespace learn2add::data::testing
