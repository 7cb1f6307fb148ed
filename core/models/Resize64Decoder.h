#pragma once
// Decoder variant 3 of ASSIGNMENT.md Part II.2: "reshaping the input images to a 64x64 image and
// using upsampling". The whole autoencoder works at 64x64: its Encoder is built with
// imageSize(64) and reads the digits resized to 64x64 (data::imagesToTensor(set, 64)), and this
// decoder draws 64x64 images. To compare the three decoders on one scale (Part II.4), its output
// is reduced to 32x32 with resizeForEvaluation() and compared with the 32x32 images.
//
//   using namespace learn2add::models;
//   Encoder encoder(EncoderOptions().codeSize(7).imageSize(64));
//   Resize64Decoder decoder(Resize64DecoderOptions().codeSize(7));
//   torch::Tensor big = decoder->forward(encoder->forward(images64));   // [N, 1, 64, 64]
//   torch::Tensor rmse = (resizeForEvaluation(big) - images32).pow(2).mean().sqrt();
//
// Architecture, parameter names in ():
//   (from_code) Linear(codeSize -> 256), (to_features) Linear(256 -> 128 * 4 * 4), reshape
//   Upsample x2 (nearest), (conv1) Conv2d(128 -> 64, 3x3, pad 1), ReLU   -> [N, 64,  8,  8]
//   Upsample x2 (nearest), (conv2) Conv2d(64 -> 32, 3x3, pad 1), ReLU    -> [N, 32, 16, 16]
//   Upsample x2 (nearest), (conv3) Conv2d(32 -> 32, 3x3, pad 1), ReLU    -> [N, 32, 32, 32]
//   Upsample x2 (nearest), (conv4) Conv2d(32 -> 16, 3x3, pad 1), ReLU    -> [N, 16, 64, 64]
//   (output) Conv2d(16 -> 1, 3x3, pad 1), Sigmoid                        -> [N,  1, 64, 64]
// The linear layers have no activation, as in Encoder.h.
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
// resizeForEvaluation() is a pure function, safe from any thread.

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

// The resolution at which reconstructions of all three decoders are compared (Part II.4).
inline constexpr std::int64_t kEvaluationImageSize = 32;

// images [N, C, 32, 32] are returned as they are; [N, C, 64, 64] are halved with a 2x2 average.
// For an exact halving, the 2x2 average equals bilinear interpolation with align_corners=false
// (every output pixel centre falls midway between four input pixels), so this is what
// interpolate(..., bilinear) and cv::resize(INTER_LINEAR or INTER_AREA) give, without relying on
// the antialias flag LibTorch 1.13 lacks. Any other size throws c10::Error.
torch::Tensor resizeForEvaluation(const torch::Tensor& images);

struct Resize64DecoderOptions {
    TORCH_ARG(std::int64_t, codeSize) = 7;  // >= 1, the Encoder's codeSize
};

class Resize64DecoderImpl : public torch::nn::Cloneable<Resize64DecoderImpl> {
public:
    static constexpr std::int64_t kImageSize = 64;

    // Throws c10::Error when the options are out of range (message says what is allowed).
    explicit Resize64DecoderImpl(const Resize64DecoderOptions& options = {});

    void reset() override;

    // code [N, codeSize] -> images [N, 1, 64, 64] in (0, 1).
    torch::Tensor forward(const torch::Tensor& code);
    // forward(), also appending each convolution stage's activations to `stages`.
    torch::Tensor forwardWithStages(const torch::Tensor& code, std::vector<torch::Tensor>& stages);

    void pretty_print(std::ostream& stream) const override;

    Resize64DecoderOptions options;

private:
    void checkCode(const torch::Tensor& code) const;
    NearestUpsamplingLayers layers_;  // from_code, to_features, conv1..N, output
};

TORCH_MODULE(Resize64Decoder);

}  // namespace learn2add::models
