#include "data/DigitTensors.h"

#include <torch/torch.h>

#include <opencv2/imgproc.hpp>

namespace learn2add::data {

std::vector<float> resizeDigit(std::span<const std::uint8_t> image, int rows, int cols, int size) {
    cv::Mat bytes(rows, cols, CV_8UC1, const_cast<std::uint8_t*>(image.data()));
    cv::Mat unit;
    bytes.convertTo(unit, CV_32F, 1.0 / 255.0);
    std::vector<float> out(static_cast<std::size_t>(size) * size);
    cv::Mat resized(size, size, CV_32F, out.data());
    if (size == rows && size == cols) {
        unit.copyTo(resized);
    } else {
        cv::resize(unit, resized, cv::Size(size, size), 0, 0, cv::INTER_LINEAR);
    }
    return out;
}

torch::Tensor imagesToTensor(const DigitSet& set, std::span<const std::size_t> indices, int size) {
    TORCH_CHECK(size > 0, "image size must be positive, got ", size);
    auto tensor = torch::empty({static_cast<std::int64_t>(indices.size()), 1, size, size});
    float* out = tensor.data_ptr<float>();
    const std::size_t stride = static_cast<std::size_t>(size) * size;
    at::parallel_for(0, static_cast<std::int64_t>(indices.size()), 64, [&](std::int64_t b, std::int64_t e) {
        for (std::int64_t k = b; k < e; ++k) {
            const auto pixels = resizeDigit(set.image(indices[k]), set.rows, set.cols, size);
            std::copy(pixels.begin(), pixels.end(), out + k * stride);
        }
    });
    return tensor;
}

torch::Tensor imagesToTensor(const DigitSet& set, int size) {
    std::vector<std::size_t> all(set.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    return imagesToTensor(set, all, size);
}

torch::Tensor labelsToTensor(const DigitSet& set) {
    std::vector<std::int64_t> labels(set.labels.begin(), set.labels.end());
    return torch::tensor(labels, torch::kInt64);
}

AdditionTensors additionTensors(const DigitSet& set, const AdditionPairSet& pairs, int size) {
    const torch::Tensor images = imagesToTensor(set, size);
    const torch::Tensor labels = labelsToTensor(set);
    std::vector<std::int64_t> inputs, outputs;
    std::vector<float> addends;
    for (const AdditionPair& pair : pairs.pairs) {
        inputs.push_back(static_cast<std::int64_t>(pair.input));
        outputs.push_back(static_cast<std::int64_t>(pair.output));
        addends.push_back(static_cast<float>(pair.addend));
    }
    const auto inputIndex = torch::tensor(inputs, torch::kInt64);
    const auto outputIndex = torch::tensor(outputs, torch::kInt64);
    AdditionTensors t;
    t.input = images.index_select(0, inputIndex);
    t.output = images.index_select(0, outputIndex);
    t.addend = torch::tensor(addends).unsqueeze(1);
    t.inputDigit = labels.index_select(0, inputIndex);
    t.outputDigit = labels.index_select(0, outputIndex);
    return t;
}

PairIndex pairIndex(const AdditionPairSet& pairs) {
    std::vector<std::int64_t> input, output;
    std::vector<float> addend;
    for (const auto& pair : pairs.pairs) {
        input.push_back(static_cast<std::int64_t>(pair.input));
        output.push_back(static_cast<std::int64_t>(pair.output));
        addend.push_back(static_cast<float>(pair.addend));
    }
    return {torch::tensor(input, torch::kInt64), torch::tensor(output, torch::kInt64),
            torch::tensor(addend).reshape({-1, 1})};
}

}  // namespace learn2add::data
