#pragma once
// Decoder variant 2 of ASSIGNMENT.md Part II.2: convolutions, activations and upsampling; needs
// no pooling indices, so any code decodes the same way (codes from the addition model, sliders).
//
//   using namespace learn2add::models;
//   UpsampleDecoder decoder(UpsampleDecoderOptions().codeSize(7));
//   torch::Tensor images = decoder->forward(code);   // [N, 7] -> [N, 1, 32, 32] in (0, 1)
//
// Architecture, parameter names in ():
//   (from_code) Linear(codeSize -> 256), (to_features) Linear(256 -> 128 * 4 * 4), reshape
//   Upsample x2 (nearest), (conv1) Conv2d(128 -> 64, 3x3, pad 1), ReLU   -> [N, 64,  8,  8]
//   Upsample x2 (nearest), (conv2) Conv2d(64 -> 32, 3x3, pad 1), ReLU    -> [N, 32, 16, 16]
//   Upsample x2 (nearest), (conv3) Conv2d(32 -> 32, 3x3, pad 1), ReLU    -> [N, 32, 32, 32]
//   (output) Conv2d(32 -> 1, 3x3, pad 1), Sigmoid                        -> [N,  1, 32, 32]
// Nearest-neighbour upsampling followed by a 3x3 convolution avoids the checkerboard artefacts of
// strided transposed convolutions. The linear layers have no activation, as in Encoder.h.
//
// Output activation: Sigmoid, so every pixel is in (0, 1): pixels are intensities in [0, 1], and
// binary cross-entropy (Part II.6) needs each pixel to be a probability.
//
// Initialization: convolutions before a ReLU start with He weights, the output layer with the bias
// that makes its first images MNIST's mean grey level (see Initialization.h).
//
// Thread safety: like any torch::nn::Module, not synchronised. One thread at a time may construct,
// train, load or move it. forward() only reads the parameters, so several threads may run it at
// once while nobody changes them. For another thread while this one trains, clone() a snapshot.

#include <torch/arg.h>
#include <torch/nn/cloneable.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <vector>

#include "models/NearestUpsampling.h"

#include <array>
#include <cstdint>
#include <ostream>

namespace learn2add::models {

struct UpsampleDecoderOptions {
    TORCH_ARG(std::int64_t, codeSize) = 7;  // >= 1, the Encoder's codeSize
};

class UpsampleDecoderImpl : public torch::nn::Cloneable<UpsampleDecoderImpl> {
public:
    static constexpr std::int64_t kImageSize = 32;

    // Throws c10::Error when the options are out of range (message says what is allowed).
    explicit UpsampleDecoderImpl(const UpsampleDecoderOptions& options = {});

    void reset() override;

    // code [N, codeSize] -> images [N, 1, 32, 32] in (0, 1).
    torch::Tensor forward(const torch::Tensor& code);
    // forward(), also appending each convolution stage's activations to `stages`.
    torch::Tensor forwardWithStages(const torch::Tensor& code, std::vector<torch::Tensor>& stages);

    void pretty_print(std::ostream& stream) const override;

    UpsampleDecoderOptions options;

private:
    void checkCode(const torch::Tensor& code) const;
    NearestUpsamplingLayers layers_;  // from_code, to_features, conv1..N, output
};

TORCH_MODULE(UpsampleDecoder);

}  // namespace learn2add::models
