#include "models/Resize64Decoder.h"

#include <string>

#include "models/Encoder.h"
#include "models/NearestUpsampling.h"

namespace learn2add::models {

namespace {
// Channels after each upsampling stage; the first stage reads the Encoder's deepest 128 channels.
const std::vector<std::int64_t> kResize64Channels = {64, 32, 32, 16};
}  // namespace

torch::Tensor resizeForEvaluation(const torch::Tensor& images) {
    TORCH_CHECK(
        images.dim() == 4 && images.size(2) == images.size(3) &&
            (images.size(2) == kEvaluationImageSize || images.size(2) == 2 * kEvaluationImageSize),
        "resizeForEvaluation: expected images of shape [N, C, 32, 32] or [N, C, 64, 64], "
        "got ",
        images.sizes());
    if (images.size(2) == kEvaluationImageSize) return images;
    return torch::avg_pool2d(images, {2, 2}, {2, 2});
}

Resize64DecoderImpl::Resize64DecoderImpl(const Resize64DecoderOptions& options) : options(options) {
    reset();
}

void Resize64DecoderImpl::reset() {
    TORCH_CHECK(
        options.codeSize() >= 1,
        "Resize64DecoderOptions: codeSize must be at least 1 (the assignment uses 2 and 7), "
        "got ",
        options.codeSize());
    layers_ = registerNearestUpsampling(*this, options.codeSize(), kResize64Channels);
}

void Resize64DecoderImpl::checkCode(const torch::Tensor& code) const {
    TORCH_CHECK(code.dim() == 2 && code.size(1) == options.codeSize(),
                "Resize64Decoder: expected a code of shape [N, ", options.codeSize(), "], got ",
                code.sizes());
}

torch::Tensor Resize64DecoderImpl::forward(const torch::Tensor& code) {
    checkCode(code);
    return decodeByNearestUpsampling(layers_, code);
}

torch::Tensor Resize64DecoderImpl::forwardWithStages(const torch::Tensor& code, std::vector<torch::Tensor>& stages) {
    checkCode(code);
    return decodeByNearestUpsampling(layers_, code, &stages);
}

void Resize64DecoderImpl::pretty_print(std::ostream& stream) const {
    stream << "learn2add::models::Resize64Decoder(codeSize=" << options.codeSize() << ")";
}

}  // namespace learn2add::models
