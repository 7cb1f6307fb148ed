#include "models/AdditionModel.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

namespace learn2add::models {

AdditionModelImpl::AdditionModelImpl(const AdditionModelOptions& options) : options(options) {
    reset();
}

void AdditionModelImpl::reset() {
    autoencoder_ = register_module(
        "autoencoder", Autoencoder(AutoencoderOptions()
                                       .decoder(options.decoder())
                                       .codeSize(options.codeSize())
                                       .variational(hasVariationalEncoder(options.variant()))));
    adder_ = register_module("adder", AdditionMlp(AdditionMlpOptions()
                                                      .codeSize(options.codeSize())
                                                      .generative(hasGenerativeAdder(options.variant()))));
}

AdditionOutputs AdditionModelImpl::forward(const torch::Tensor& images, const torch::Tensor& addends,
                                           const torch::Tensor& expected, bool targetGradient) {
    AdditionOutputs out;
    if (hasVariationalEncoder(options.variant())) {
        const GaussianCode q = autoencoder_->encodeGaussian(images);
        out.code = q.mean;
        out.codeLogVariance = q.logVariance;
        out.sampledCode = is_training() ? reparameterize(q) : q.mean;
        out.reconstruction = autoencoder_->decode(out.sampledCode);
    } else {
        CodeAndReconstruction input = autoencoder_->forwardWithCode(images);
        out.code = input.code;
        out.sampledCode = input.code;
        out.reconstruction = input.reconstruction;
    }
    if (hasGenerativeAdder(options.variant())) {
        const GaussianCode p = adder_->forwardGaussian(out.sampledCode, addends);
        out.resultCode = p.mean;
        out.resultLogVariance = p.logVariance;
        out.generated = autoencoder_->decode(is_training() ? reparameterize(p) : p.mean);
    } else {
        out.resultCode = adder_->forward(out.sampledCode, addends);
        out.generated = autoencoder_->decode(out.resultCode);
    }
    if (targetGradient) {
        out.targetCode = autoencoder_->encode(expected);
    } else {
        torch::NoGradGuard noGrad;
        out.targetCode = autoencoder_->encode(expected);
    }
    return out;
}

torch::Tensor AdditionModelImpl::resultCode(const torch::Tensor& images, const torch::Tensor& addends) {
    return adder_->forward(autoencoder_->encode(images), addends);
}

torch::Tensor AdditionModelImpl::add(const torch::Tensor& images, const torch::Tensor& addends) {
    return autoencoder_->decode(resultCode(images, addends));
}

GaussianCode AdditionModelImpl::inputCode(const torch::Tensor& images) {
    if (hasVariationalEncoder(options.variant())) return autoencoder_->encodeGaussian(images);
    return {autoencoder_->encode(images), torch::Tensor()};
}

torch::Tensor AdditionModelImpl::sampleResultCodes(const GaussianCode& input,
                                                   const torch::Tensor& addends,
                                                   std::int64_t samples, std::uint64_t seed) {
    TORCH_CHECK(samples >= 1, "AdditionModel: samples must be at least 1, got ", samples);
    at::Generator generator = at::detail::createCPUGenerator(seed);
    // Each input's Gaussian and addend repeated K times, row i * K + k: the input is encoded once,
    // not once per sample.
    const torch::Tensor u = addends.reshape({-1, 1}).repeat_interleave(samples, 0);
    const torch::Tensor mean = input.mean.repeat_interleave(samples, 0);
    const torch::Tensor code =
        input.logVariance.defined()
            ? reparameterize({mean, input.logVariance.repeat_interleave(samples, 0)}, generator)
            : mean;
    return hasGenerativeAdder(options.variant())
               ? reparameterize(adder_->forwardGaussian(code, u), generator)
               : adder_->forward(code, u);
}

torch::Tensor AdditionModelImpl::sampleAdd(const torch::Tensor& images,
                                           const torch::Tensor& addends, std::int64_t samples,
                                           std::uint64_t seed) {
    TORCH_CHECK(samples >= 1, "AdditionModel: samples must be at least 1, got ", samples);
    const std::int64_t n = images.size(0);
    const torch::Tensor decoded =
        autoencoder_->decode(sampleResultCodes(inputCode(images), addends, samples, seed));
    return decoded.reshape({n, samples, decoded.size(1), decoded.size(2), decoded.size(3)});
}

}  // namespace learn2add::models
