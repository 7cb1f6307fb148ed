#pragma once
// The encoder E of ASSIGNMENT.md Part II.1: images of digits -> codes.
//
//   using namespace learn2add::models;
//   Encoder encoder(EncoderOptions().codeSize(7));             // 32x32 images by default
//   torch::Tensor z = encoder->forward(images);                // [N, 1, 32, 32] -> [N, 7]
//   auto [code, pooling] = encoder->forwardWithIndices(images); // for MirrorDecoder
//
// Architecture, S = imageSize (32, or 64 for the third decoder variant); parameter names in ():
//   (conv1) Conv2d(1 -> 32, 3x3, padding 1 = 'same'), ReLU, MaxPool(2, stride 2) -> [N, 32, S/2]^2
//   (conv2) Conv2d(32 -> 64, 3x3, padding 1), ReLU, MaxPool(2, stride 2)         -> [N, 64, S/4]^2
//   (conv3) Conv2d(64 -> 128, 3x3, padding 1), ReLU, MaxPool(2, stride 2)        -> [N, 128, S/8]^2
//   flatten, (hidden) Linear(128 * (S/8)^2 -> 256), (to_code) Linear(256 -> codeSize)
//
// Reading of the spec's "MLP (256), Linear / MLP (2), Linear": each line names a fully connected
// layer and then its activation, exactly as Part III writes "MLP (32), ReLU ... MLP (7), Linear".
// "Linear" is the identity activation, so there is NO ReLU after the 256 layer. The consequence,
// stated plainly: the two layers compose to one affine map of rank <= 256; for codes of at most
// 256 values that restricts nothing, it is a factorised last layer, and the code is an unbounded
// real vector (what the addition model P and a VAE's mean head need). The decoders mirror this
// reading: their first two layers are Linear too.
//
// Variational (Part IV.1, options.variational): a second head (to_log_variance) Linear(256 ->
// codeSize) gives the log-variance of a diagonal Gaussian whose mean is to_code's output.
// forward() then returns the mean (what inference uses); forwardGaussian() returns both.
//
// Initialization: the convolutions start with He weights (see Initialization.h).
//
// Thread safety: like any torch::nn::Module, not synchronised. One thread at a time may construct,
// train, load or move it. forward() only reads the parameters, so several threads may run it at
// once while nobody changes them. To decode on another thread while this one trains, hand that
// thread a snapshot made with clone().

#include <torch/arg.h>
#include <vector>
#include <torch/nn/cloneable.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <array>
#include <cstdint>
#include <ostream>

#include "models/GaussianCode.h"
#include "models/PoolingIndices.h"

namespace learn2add::models {

// Output channels of the three convolution stages, and the width of the hidden linear layer.
inline constexpr std::array<std::int64_t, kPoolingStages> kStageChannels = {32, 64, 128};
inline constexpr std::int64_t kHiddenWidth = 256;

// imageSize must be one of these: three 2x2 poolings need a multiple of 8, and the assignment uses
// 32x32 images, and 64x64 for its third decoder variant.
bool isSupportedImageSize(std::int64_t imageSize);

struct EncoderOptions {
    TORCH_ARG(std::int64_t, codeSize) = 7;    // >= 1 (the assignment uses 2, then 7)
    TORCH_ARG(std::int64_t, imageSize) = 32;  // 32 or 64: inputs are [N, 1, imageSize, imageSize]
    TORCH_ARG(bool, variational) = false;     // also a log-variance head (see above)
};

struct CodeAndIndices {
    torch::Tensor code;  // [N, codeSize]
    PoolingIndices pooling;
};

class EncoderImpl : public torch::nn::Cloneable<EncoderImpl> {
public:
    // Throws c10::Error when the options are out of range (message says what is allowed).
    explicit EncoderImpl(const EncoderOptions& options = {});

    // (Re)creates and initialises every layer from `options`; called by the constructor and
    // clone().
    void reset() override;

    // images: float [N, 1, imageSize, imageSize] -> code [N, codeSize].
    torch::Tensor forward(const torch::Tensor& images);

    // Variational encoders only: the Gaussian of the code (mean = forward()).
    GaussianCode forwardGaussian(const torch::Tensor& images);

    // The code, plus the argmax positions and input sizes of the three poolings.
    CodeAndIndices forwardWithIndices(const torch::Tensor& images);

    // forward(), also appending to `stages` the three convolution stages' activations (after the
    // ReLU, before the pooling): [N, 32, S, S], [N, 64, S/2, S/2], [N, 128, S/4, S/4].
    torch::Tensor forwardWithStages(const torch::Tensor& images, std::vector<torch::Tensor>& stages);

    void pretty_print(std::ostream& stream) const override;

    EncoderOptions options;

private:
    void checkImages(const torch::Tensor& images) const;
    torch::Tensor head(const torch::Tensor& features);
    torch::Tensor features(const torch::Tensor& images, std::vector<torch::Tensor>* stages = nullptr);

    std::array<torch::nn::Conv2d, kPoolingStages> convs_{nullptr, nullptr, nullptr};
    torch::nn::Linear hidden_{nullptr};
    torch::nn::Linear toCode_{nullptr};
    torch::nn::Linear toLogVariance_{nullptr};  // variational only
};

TORCH_MODULE(Encoder);

}  // namespace learn2add::models
