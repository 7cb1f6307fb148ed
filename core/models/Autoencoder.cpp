#include "models/Autoencoder.h"

namespace learn2add::models {

AutoencoderImpl::AutoencoderImpl(const AutoencoderOptions& options) : options(options) {
    reset();
}

void AutoencoderImpl::reset() {
    TORCH_CHECK(
        options.codeSize() >= 1,
        "AutoencoderOptions: codeSize must be at least 1 (the assignment uses 2 and 7), got ",
        options.codeSize());
    const DecoderKind kind = options.decoder();
    const std::int64_t codeSize = options.codeSize();
    encoder_ = register_module(
        "encoder", Encoder(EncoderOptions()
                               .codeSize(codeSize)
                               .imageSize(imageSizeFor(kind))
                               .variational(options.variational())));
    mirror_ = nullptr;
    upsample_ = nullptr;
    resize64_ = nullptr;
    switch (kind) {
        case DecoderKind::Mirror:
            mirror_ = register_module(
                "decoder",
                MirrorDecoder(MirrorDecoderOptions().codeSize(codeSize).imageSize(imageSize())));
            return;
        case DecoderKind::Upsample:
            upsample_ = register_module(
                "decoder", UpsampleDecoder(UpsampleDecoderOptions().codeSize(codeSize)));
            return;
        case DecoderKind::Resize64:
            resize64_ = register_module(
                "decoder", Resize64Decoder(Resize64DecoderOptions().codeSize(codeSize)));
            return;
    }
    TORCH_CHECK(false,
                "AutoencoderOptions: decoder must be DecoderKind::Mirror, Upsample or "
                "Resize64, got the value ",
                static_cast<int>(kind));
}

CodeAndReconstruction AutoencoderImpl::forwardWithCode(const torch::Tensor& images) {
    if (mirror_) {
        CodeAndIndices encoded = encoder_->forwardWithIndices(images);
        torch::Tensor reconstruction = mirror_->forward(encoded.code, encoded.pooling);
        return {encoded.code, reconstruction};
    }
    torch::Tensor code = encoder_->forward(images);
    return {code, decode(code)};
}

torch::Tensor AutoencoderImpl::forward(const torch::Tensor& images) {
    return forwardWithCode(images).reconstruction;
}

torch::Tensor AutoencoderImpl::encode(const torch::Tensor& images) {
    return encoder_->forward(images);
}

GaussianCode AutoencoderImpl::encodeGaussian(const torch::Tensor& images) {
    return encoder_->forwardGaussian(images);
}

torch::Tensor AutoencoderImpl::encodeWithStages(const torch::Tensor& images, std::vector<torch::Tensor>& stages) {
    return encoder_->forwardWithStages(images, stages);
}

torch::Tensor AutoencoderImpl::decodeWithStages(const torch::Tensor& code, std::vector<torch::Tensor>& stages) {
    if (mirror_) return mirror_->forwardWithStages(code, stages);
    if (upsample_) return upsample_->forwardWithStages(code, stages);
    return resize64_->forwardWithStages(code, stages);
}

torch::Tensor AutoencoderImpl::decode(const torch::Tensor& code) {
    if (mirror_) return mirror_->forward(code);
    if (upsample_) return upsample_->forward(code);
    return resize64_->forward(code);
}

std::shared_ptr<torch::nn::Module> AutoencoderImpl::decoder() const {
    if (mirror_) return mirror_.ptr();
    if (upsample_) return upsample_.ptr();
    return resize64_.ptr();
}

void AutoencoderImpl::pretty_print(std::ostream& stream) const {
    stream << "learn2add::models::Autoencoder(decoder=" << toString(options.decoder())
           << ", codeSize=" << options.codeSize() << ", imageSize=" << imageSize() << ")";
}

}  // namespace learn2add::models
