#pragma once
// The embedded MNIST subset (resources/mnist, see PROVENANCE.md there): 10,000 real MNIST digits
// as gzip-compressed IDX files, linked into the library so no file or download is needed at run
// time.

#include <cstdint>
#include <span>

namespace learn2add::data {

std::span<const std::uint8_t> embeddedMnistImagesGz();  // embedded-images-idx3-ubyte.gz
std::span<const std::uint8_t> embeddedMnistLabelsGz();  // embedded-labels-idx1-ubyte.gz

}  // namespace learn2add::data
