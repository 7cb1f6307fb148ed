#include "infer/FigurePanels.h"

#include <torch/torch.h>

#include <algorithm>

#include "data/DigitTensors.h"

namespace learn2add::infer {

std::vector<std::uint8_t> imageBytes(const at::Tensor& image32) {
    const torch::Tensor bytes =
        (image32.detach().reshape({32, 32}) * 255.0).round().clamp(0, 255).to(torch::kUInt8).contiguous();
    return {bytes.data_ptr<std::uint8_t>(), bytes.data_ptr<std::uint8_t>() + 1024};
}

PairExamples pairExamples(const data::DigitSet& set, const data::AdditionPairSet& pairs,
                          std::size_t count, std::size_t perRow) {
    PairExamples examples;
    const std::size_t n = std::min(count, pairs.size());
    if (n == 0 || perRow == 0) return examples;
    for (std::size_t k = 0; k < n; ++k) {
        // The middle of each of n equal stretches of the pairs.
        examples.pairs.push_back(pairs.pairs[(2 * k + 1) * pairs.size() / (2 * n)]);
    }
    for (std::size_t first = 0; first < n; first += perRow) {
        PanelRow inputs{"input", {}}, outputs{"expected", {}};
        for (std::size_t k = first; k < std::min(n, first + perRow); ++k) {
            const data::AdditionPair& pair = examples.pairs[k];
            const int digit = set.labels[pair.input];
            const std::size_t in[] = {pair.input}, out[] = {pair.output};
            inputs.panels.push_back({std::to_string(digit) + " + " + std::to_string(pair.addend),
                                     imageBytes(data::imagesToTensor(set, in, 32)), -1});
            outputs.panels.push_back({"= " + std::to_string(digit + pair.addend),
                                      imageBytes(data::imagesToTensor(set, out, 32)), -1});
        }
        examples.rows.push_back(std::move(inputs));
        examples.rows.push_back(std::move(outputs));
    }
    return examples;
}

}  // namespace learn2add::infer
