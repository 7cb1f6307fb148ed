#pragma once
// The reconstruction autoencoder of ASSIGNMENT.md Part II: one Encoder and one of the three
// decoders, chosen by name.
//
//   using namespace learn2add::models;
//   torch::manual_seed(42);                                   // same seed, same initial weights
//   Autoencoder model(AutoencoderOptions().decoder(DecoderKind::Mirror).codeSize(7));
//   torch::Tensor images = data::imagesToTensor(set, model->imageSize());   // 32, or 64
//   torch::Tensor reconstruction = model->forward(images);   // [N, 1, S, S] in (0, 1)
//   torch::Tensor z = model->encode(images);                 // [N, 7]
//   torch::Tensor drawn = model->decode(z + 0.1);            // any code, no indices needed
//   torch::Tensor rmse = (resizeForEvaluation(reconstruction) - images32).pow(2).mean().sqrt();
//
// Parameter names (stable: checkpoints depend on them): "encoder.*" (see Encoder.h) and
// "decoder.*" (see the chosen decoder's header).
//
// forward() reconstructs through the decoder's best path: with the mirror decoder it passes the
// encoder's pooling indices (the exact mirror); decode() has no indices and uses the mirror
// decoder's fallback (see MirrorDecoder.h). The other decoders never use indices, so for them
// forward(x) == decode(encode(x)).
//
// Thread safety: like any torch::nn::Module, not synchronised. One thread at a time may construct,
// train, load or move it. forward(), encode() and decode() only read the parameters, so several
// threads may run them at once while nobody changes them. For an inference thread while another
// thread trains, publish a snapshot made with clone(); never share the training instance.

#include <torch/arg.h>
#include <torch/nn/cloneable.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <vector>

#include <cstdint>
#include <memory>
#include <ostream>

#include "models/DecoderKind.h"
#include "models/Encoder.h"
#include "models/MirrorDecoder.h"
#include "models/Resize64Decoder.h"
#include "models/UpsampleDecoder.h"

namespace learn2add::models {

struct AutoencoderOptions {
    // Upsample by default: it decodes every code the same way, whether or not an encoder made it.
    TORCH_ARG(DecoderKind, decoder) = DecoderKind::Upsample;
    TORCH_ARG(std::int64_t, codeSize) = 7;  // >= 1 (the assignment uses 2, then 7)
    TORCH_ARG(bool, variational) = false;   // a variational encoder (Part IV; see Encoder.h)
};

struct CodeAndReconstruction {
    torch::Tensor code;            // [N, codeSize]
    torch::Tensor reconstruction;  // [N, 1, S, S], as forward() returns it
};

class AutoencoderImpl : public torch::nn::Cloneable<AutoencoderImpl> {
public:
    // Throws c10::Error when the options are out of range (message says what is allowed).
    explicit AutoencoderImpl(const AutoencoderOptions& options = {});

    void reset() override;

    // images [N, 1, S, S] -> reconstruction [N, 1, S, S] in (0, 1), S = imageSize().
    torch::Tensor forward(const torch::Tensor& images);

    // forward(), also returning the code it went through (one encoder pass for both).
    CodeAndReconstruction forwardWithCode(const torch::Tensor& images);

    // images [N, 1, S, S] -> code [N, codeSize].
    torch::Tensor encode(const torch::Tensor& images);

    // Variational autoencoders only: the Gaussian of the code (its mean is encode()).
    GaussianCode encodeGaussian(const torch::Tensor& images);

    // code [N, codeSize] -> images [N, 1, S, S] in (0, 1); for the mirror decoder, its fallback.
    torch::Tensor decode(const torch::Tensor& code);

    // encode() and decode(), also appending each convolution stage's activations (after its ReLU)
    // to `stages`: the encoder's three, the decoder's inner ones (the feature maps' view).
    torch::Tensor encodeWithStages(const torch::Tensor& images, std::vector<torch::Tensor>& stages);
    torch::Tensor decodeWithStages(const torch::Tensor& code, std::vector<torch::Tensor>& stages);

    std::int64_t imageSize() const { return imageSizeFor(options.decoder()); }
    std::int64_t codeSize() const { return options.codeSize(); }
    DecoderKind decoderKind() const { return options.decoder(); }

    // The submodules (shared with this autoencoder, not copies).
    Encoder encoder() const { return encoder_; }
    std::shared_ptr<torch::nn::Module> decoder() const;

    void pretty_print(std::ostream& stream) const override;

    AutoencoderOptions options;

private:
    Encoder encoder_{nullptr};
    // Exactly one of these is set, the one options.decoder() names.
    MirrorDecoder mirror_{nullptr};
    UpsampleDecoder upsample_{nullptr};
    Resize64Decoder resize64_{nullptr};
};

TORCH_MODULE(Autoencoder);

}  // namespace learn2add::models
