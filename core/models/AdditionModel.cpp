#include "models/AdditionModel.h"

#include <torch/torch.h>

namespace learn2add::models {

AdditionModelImpl::AdditionModelImpl(const AdditionModelOptions& options) : options(options) {
    reset();
}

void AdditionModelImpl::reset() {
    autoencoder_ = register_module(
        "autoencoder",
        Autoencoder(AutoencoderOptions().decoder(options.decoder()).codeSize(options.codeSize())));
    adder_ = register_module("adder", AdditionMlp(AdditionMlpOptions().codeSize(options.codeSize())));
}

AdditionOutputs AdditionModelImpl::forward(const torch::Tensor& images, const torch::Tensor& addends,
                                           const torch::Tensor& expected, bool targetGradient) {
    AdditionOutputs out;
    CodeAndReconstruction input = autoencoder_->forwardWithCode(images);
    out.code = input.code;
    out.reconstruction = input.reconstruction;
    out.resultCode = adder_->forward(out.code, addends);
    out.generated = autoencoder_->decode(out.resultCode);
    if (targetGradient) {
        out.targetCode = autoencoder_->encode(expected);
    } else {
        torch::NoGradGuard noGrad;
        out.targetCode = autoencoder_->encode(expected);
    }
    return out;
}

torch::Tensor AdditionModelImpl::add(const torch::Tensor& images, const torch::Tensor& addends) {
    return autoencoder_->decode(adder_->forward(autoencoder_->encode(images), addends));
}

}  // namespace learn2add::models
