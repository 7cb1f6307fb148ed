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
// Variants (Part IV, see AdditionVariant.h). With a variational encoder, training encodes the input
// to a Gaussian and reconstructs from a sample of it (the reparameterization trick); P reads that
// sample. With a generative P, the generated image is decoded from a sample of P's Gaussian. In
// eval mode (and in add()) every sample is replaced by its mean: inference is deterministic.
// sampleAdd() draws K samples per input from a seeded generator (the "sample" switch).
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
#include "models/AdditionVariant.h"
#include "models/Autoencoder.h"

namespace learn2add::models {

struct AdditionModelOptions {
    TORCH_ARG(DecoderKind, decoder) = DecoderKind::Upsample;
    TORCH_ARG(std::int64_t, codeSize) = 7;  // the assignment's P outputs 7 values
    TORCH_ARG(AdditionVariant, variant) = AdditionVariant::Autoencoder;
};

struct AdditionOutputs {
    torch::Tensor code;            // E(input) (variational: its mean)            [N, codeSize]
    torch::Tensor codeLogVariance; // variational: E(input)'s log-variance, else undefined
    torch::Tensor sampledCode;     // what D and P read: a sample in training, else = code
    torch::Tensor reconstruction;  // D(sampledCode)                              [N, 1, S, S]
    torch::Tensor resultCode;      // P(sampledCode, addend) (generative: its mean) [N, codeSize]
    torch::Tensor resultLogVariance;  // generative P: its log-variance, else undefined
    torch::Tensor generated;       // D(P's code, or a sample of it in training)  [N, 1, S, S]
    torch::Tensor targetCode;      // E(expected) (variational: its mean)         [N, codeSize]
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

    // The code P gives (the mean for a generative P) for images and addends: [N, codeSize].
    torch::Tensor resultCode(const torch::Tensor& images, const torch::Tensor& addends);

    // K samples per input: images [N, 1, S, S], addends [N, 1] -> [N, K, 1, S, S]. The input's
    // code is sampled from a variational encoder and the result code from a generative P (the
    // deterministic parts stay deterministic); the same seed gives the same samples.
    // Each input is encoded once; its code's Gaussian is sampled K times.
    torch::Tensor sampleAdd(const torch::Tensor& images, const torch::Tensor& addends,
                            std::int64_t samples, std::uint64_t seed);

    // E's code of the images as a Gaussian [N, codeSize]: a variational encoder's mean and
    // log-variance, or a plain encoder's code with an undefined log-variance (no spread).
    GaussianCode inputCode(const torch::Tensor& images);

    // What sampleAdd() decodes, from an input code made by inputCode(): K result codes per input,
    // row i * K + k of [N * K, codeSize]. Lets a caller that also needs the mean answer
    // (adder()->forward(input.mean, addends)) encode the input once.
    torch::Tensor sampleResultCodes(const GaussianCode& input, const torch::Tensor& addends,
                                    std::int64_t samples, std::uint64_t seed);

    AdditionVariant variant() const { return options.variant(); }

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
