#include "train/ShownDigits.h"

#include <torch/torch.h>

#include <algorithm>
#include <iterator>

namespace learn2add::train {
namespace {
constexpr int kShownDigits[] = {0, 2, 4, 7, 9};
}

std::vector<std::int64_t> shownDigitIndices(const data::DigitSet& set) {
    std::vector<std::int64_t> indices;
    for (const int digit : kShownDigits) {
        const auto positions = set.indicesOf(digit);
        if (!positions.empty()) indices.push_back(static_cast<std::int64_t>(positions.front()));
    }
    const std::size_t wanted = std::min<std::size_t>(std::size(kShownDigits), set.size());
    for (std::int64_t i = 0; indices.size() < wanted; ++i) {
        if (std::find(indices.begin(), indices.end(), i) == indices.end()) indices.push_back(i);
    }
    return indices;
}

ImageStrip toStrip(const torch::Tensor& images) {
    const torch::Tensor bytes =
        (images.detach() * 255.0).round().clamp(0, 255).to(torch::kUInt8).contiguous();
    ImageStrip strip;
    strip.count = static_cast<int>(images.size(0));
    strip.size = static_cast<int>(images.size(-1));
    strip.pixels.assign(bytes.data_ptr<std::uint8_t>(), bytes.data_ptr<std::uint8_t>() + bytes.numel());
    return strip;
}

}  // namespace learn2add::train
