#include "core/data/IdxFixtures.h"

#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

#include "data/Gzip.h"

namespace learn2add::data::testing {

IdxArray makeImages(std::size_t count, int rows, int cols) {
    IdxArray images;
    images.dims = {static_cast<std::int32_t>(count), rows, cols};
    for (std::size_t k = 0; k < count; ++k) {
        images.values.insert(images.values.end(), static_cast<std::size_t>(rows) * cols,
                             static_cast<std::uint8_t>(k % 256));
    }
    return images;
}

IdxArray makeLabels(const std::vector<std::uint8_t>& labels) {
    return {{static_cast<std::int32_t>(labels.size())}, labels};
}

void writeBytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write fixture " + path.string());
}

TempFolder::TempFolder() {
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() /
            ("learn2add-test-" + std::to_string(device()) + std::to_string(device()));
    std::filesystem::create_directories(path_);
}

TempFolder::~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

void writeMnistFolder(const std::filesystem::path& folder, const std::vector<std::uint8_t>& trainLabels,
                      const std::vector<std::uint8_t>& testLabels, bool gz) {
    const auto write = [&](const std::string& name, const IdxArray& array) {
        const auto bytes = encodeIdx(array);
        if (gz) {
            writeBytes(folder / (name + ".gz"), gzip(bytes));
        } else {
            writeBytes(folder / name, bytes);
        }
    };
    write("train-images-idx3-ubyte", makeImages(trainLabels.size()));
    write("train-labels-idx1-ubyte", makeLabels(trainLabels));
    write("t10k-images-idx3-ubyte", makeImages(testLabels.size()));
    write("t10k-labels-idx1-ubyte", makeLabels(testLabels));
}

std::vector<std::uint8_t> balancedLabels(std::size_t perClass) {
    std::vector<std::uint8_t> labels;
    for (std::size_t k = 0; k < perClass; ++k) {
        for (std::uint8_t d = 0; d < 10; ++d) labels.push_back(d);
    }
    return labels;
}

}  // namespace learn2add::data::testing
