#include "models/UpsampleDecoder.h"

#include <string>

#include "models/Encoder.h"
#include "models/NearestUpsampling.h"

namespace learn2add::models {

namespace {
// Channels after each upsampling stage; the first stage reads the Encoder's deepest 128 channels.
const std::vector<std::int64_t> kUpsampleChannels = {64, 32, 32};
}  // namespace

UpsampleDecoderImpl::UpsampleDecoderImpl(const UpsampleDecoderOptions& options) : options(options) {
    reset();
}

void UpsampleDecoderImpl::reset() {
    TORCH_CHECK(
        options.codeSize() >= 1,
        "UpsampleDecoderOptions: codeSize must be at least 1 (the assignment uses 2 and 7), "
        "got ",
        options.codeSize());
    layers_ = registerNearestUpsampling(*this, options.codeSize(), kUpsampleChannels);
}

void UpsampleDecoderImpl::checkCode(const torch::Tensor& code) const {
    TORCH_CHECK(code.dim() == 2 && code.size(1) == options.codeSize(),
                "UpsampleDecoder: expected a code of shape [N, ", options.codeSize(), "], got ",
                code.sizes());
}

torch::Tensor UpsampleDecoderImpl::forward(const torch::Tensor& code) {
    checkCode(code);
    return decodeByNearestUpsampling(layers_, code);
}

torch::Tensor UpsampleDecoderImpl::forwardWithStages(const torch::Tensor& code, std::vector<torch::Tensor>& stages) {
    checkCode(code);
    return decodeByNearestUpsampling(layers_, code, &stages);
}

void UpsampleDecoderImpl::pretty_print(std::ostream& stream) const {
    stream << "learn2add::models::UpsampleDecoder(codeSize=" << options.codeSize() << ")";
}

}  // namespace learn2add::models
