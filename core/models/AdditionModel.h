#pragma once
// The addition model of ASSIGNMENT.md Part III: encoder E, code addition model P and decoder D.
// Training (Part III.3) uses E and D twice with shared weights; inference (Part III.6) is E -> P -> D.
//
//   using namespace learn2add::models;
//   AdditionModel model(AdditionModelOptions().decoder(DecoderKind::Upsample).codeSize(7));
//   AdditionOutputs out = model->forward(images, addends, expectedImages);   // training
//   torch::Tensor sum = model->add(images, addends);                         // inference
//
// Parameter names (stable: checkpoints depend on them): "autoencoder.encoder.*",
// "autoencoder.decoder.*" (see Autoencoder.h) and "adder.*" (see AdditionMlp.h). The autoencoder
// part is an ordinary Autoencoder, so a Part II run's weights warm-start it.
//
// Generated images go through Autoencoder::decode(): P's code comes from no encoder, so the mirror
// decoder uses its fallback (no pooling indices); the reconstruction of the input uses the indices.
//
// Thread safety: as any torch::nn::Module (see Autoencoder.h): for inference on another thread
// while this one trains, publish a clone().

#include <torch/arg.h>
#include <torch/nn/cloneable.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include "models/AdditionMlp.h"
#include "models/Autoencoder.h"

namespace learn2add::models {

struct AdditionModelOptions {
    TORCH_ARG(DecoderKind, decoder) = DecoderKind::Upsample;
    TORCH_ARG(std::int64_t, codeSize) = 7;  // the assignment's P outputs 7 values
};

struct AdditionOutputs {
    torch::Tensor code;            // E(input)                      [N, codeSize]
    torch::Tensor reconstruction;  // D(E(input))                   [N, 1, S, S]
    torch::Tensor resultCode;      // P(E(input), addend)           [N, codeSize]
    torch::Tensor generated;       // D(P(E(input), addend))        [N, 1, S, S]
    torch::Tensor targetCode;      // E(expected)                   [N, codeSize]
};

class AdditionModelImpl : public torch::nn::Cloneable<AdditionModelImpl> {
public:
    explicit AdditionModelImpl(const AdditionModelOptions& options = {});
    void reset() override;

    // The training model: images and expected images [N, 1, S, S], addends [N, 1]. With
    // `targetGradient` false the target code E(expected) is computed without gradients (a
    // constant for the loss, and no backward pass through that encoder call).
    AdditionOutputs forward(const torch::Tensor& images, const torch::Tensor& addends,
                            const torch::Tensor& expected, bool targetGradient = true);

    // The inference model E -> P -> D: images [N, 1, S, S], addends [N, 1] -> images of the sums.
    torch::Tensor add(const torch::Tensor& images, const torch::Tensor& addends);

    std::int64_t imageSize() const { return autoencoder_->imageSize(); }
    std::int64_t codeSize() const { return options.codeSize(); }
    DecoderKind decoderKind() const { return options.decoder(); }

    Autoencoder autoencoder() const { return autoencoder_; }
    AdditionMlp adder() const { return adder_; }

    AdditionModelOptions options;

private:
    Autoencoder autoencoder_{nullptr};
    AdditionMlp adder_{nullptr};
};

TORCH_MODULE(AdditionModel);

}  // namespace learn2add::models
