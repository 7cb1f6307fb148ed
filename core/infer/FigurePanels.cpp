#include "infer/FigurePanels.h"

#include <torch/torch.h>

namespace learn2add::infer {

std::vector<std::uint8_t> imageBytes(const at::Tensor& image32) {
    const torch::Tensor bytes =
        (image32.detach().reshape({32, 32}) * 255.0).round().clamp(0, 255).to(torch::kUInt8).contiguous();
    return {bytes.data_ptr<std::uint8_t>(), bytes.data_ptr<std::uint8_t>() + 1024};
}

}  // namespace learn2add::infer
