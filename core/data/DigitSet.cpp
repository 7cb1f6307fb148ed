#include "data/DigitSet.h"

#include "data/DataError.h"

namespace learn2add::data {

std::array<std::size_t, kDigitClasses> DigitSet::countPerClass() const {
    std::array<std::size_t, kDigitClasses> counts{};
    for (const std::uint8_t label : labels) ++counts[label];
    return counts;
}

std::vector<std::size_t> DigitSet::indicesOf(int digit) const {
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] == digit) indices.push_back(i);
    }
    return indices;
}

DigitSet makeDigitSet(IdxArray images, IdxArray labels, const std::string& imagesName,
                      const std::string& labelsName) {
    if (images.dims.size() != 3) {
        throw DataError(imagesName + ": an image file needs 3 IDX dimensions (count, rows, "
                                     "columns); this one has " +
                        std::to_string(images.dims.size()));
    }
    if (labels.dims.size() != 1) {
        throw DataError(labelsName + ": a label file needs 1 IDX dimension (count); this one has " +
                        std::to_string(labels.dims.size()));
    }
    if (images.dims[1] < 1 || images.dims[2] < 1) {
        throw DataError(imagesName + ": images of " + std::to_string(images.dims[1]) + "x" +
                        std::to_string(images.dims[2]) + " pixels cannot be used");
    }
    if (images.dims[0] != labels.dims[0]) {
        throw DataError(imagesName + " holds " + std::to_string(images.dims[0]) + " images but " +
                        labelsName + " holds " + std::to_string(labels.dims[0]) +
                        " labels; they must have the same count");
    }
    if (images.dims[0] == 0) throw DataError(imagesName + ": the file holds no images");
    for (std::size_t i = 0; i < labels.values.size(); ++i) {
        if (labels.values[i] >= kDigitClasses) {
            throw DataError(labelsName + ": label " + std::to_string(labels.values[i]) +
                            " at position " + std::to_string(i) + " is not a digit 0..9");
        }
    }
    DigitSet set;
    set.rows = images.dims[1];
    set.cols = images.dims[2];
    set.pixels = std::move(images.values);
    set.labels = std::move(labels.values);
    return set;
}

DigitSet subset(const DigitSet& set, std::span<const std::size_t> indices) {
    DigitSet out;
    out.rows = set.rows;
    out.cols = set.cols;
    out.labels.reserve(indices.size());
    out.pixels.reserve(indices.size() * set.pixelsPerImage());
    for (const std::size_t i : indices) {
        out.labels.push_back(set.labels.at(i));
        const auto image = set.image(i);
        out.pixels.insert(out.pixels.end(), image.begin(), image.end());
    }
    return out;
}

}  // namespace learn2add::data
