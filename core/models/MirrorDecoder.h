#pragma once
// Decoder variant 1 of ASSIGNMENT.md Part II.2: the exact feature mirror of the Encoder,
// max-pooling reversed with the encoder's own pooling indices.
//
//   using namespace learn2add::models;
//   Encoder encoder(EncoderOptions().codeSize(7));
//   MirrorDecoder decoder(MirrorDecoderOptions().codeSize(7));
//   auto [code, pooling] = encoder->forwardWithIndices(images);
//   torch::Tensor exact = decoder->forward(code, pooling);   // indexed path (training, II.4)
//   torch::Tensor fromP = decoder->forward(additionCode);    // fallback path: no indices exist
//
// Architecture, S = imageSize; parameter names in ():
//   (from_code) Linear(codeSize -> 256), (to_features) Linear(256 -> 128 * (S/8)^2), reshape
//   MaxUnpool(2, stride 2) with stage-3 indices, (conv3) Conv2d(128 -> 64, 3x3, pad 1), ReLU
//   MaxUnpool(2, stride 2) with stage-2 indices, (conv2) Conv2d(64 -> 32, 3x3, pad 1), ReLU
//   MaxUnpool(2, stride 2) with stage-1 indices, (conv1) Conv2d(32 -> 1, 3x3, pad 1), Sigmoid
// The two linear layers have no activation, mirroring the Encoder's "MLP (256), Linear" (see
// Encoder.h). Decoder convN maps the output channels of Encoder convN back to its input channels.
// It is a Conv2d rather than a ConvTranspose2d: with stride 1 and 'same' padding, a transposed
// convolution is a convolution with the kernel flipped and its channel axes swapped, so both span
// exactly the same functions; LibTorch 1.13's CPU ConvTranspose2d is ~4.5x slower (measured
// forward + backward, [128, 64, 16, 16] -> 32 channels: 65 ms against 14 ms).
//
// Output activation: Sigmoid, so every pixel is in (0, 1). Pixels are intensities in [0, 1], the
// L2 loss then compares like with like, and binary cross-entropy (Part II.6) needs each pixel to be
// a probability; MNIST's near-binary ink makes "probability that this pixel is ink" a fair reading.
//
// Fallback without indices (forward(code)): a code from the addition model P or a slider comes
// from no encoder pass, so there are no argmax positions. Each unpooling then spreads every value
// evenly over its 2x2 window (nearest-neighbour upsampling x2, times 1/4). That is the mean of the
// four possible unpoolings (max at top-left, top-right, bottom-left or bottom-right): no position
// is favoured, so the image is not shifted, and the window's sum is preserved, so activations keep
// their scale. Because the next layer is linear, its pre-ReLU response is exactly the average of
// its responses to the four placements. Compared with the indexed path, the result is blurrier: the
// indexed path puts each value on one pixel of the window, the fallback a quarter on each (see
// unpoolWithIndices / unpoolWithoutIndices). The two paths share all weights; a decoder trained
// only on the indexed path has never seen the fallback's input, which is worth knowing in Part III.
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

#include <array>
#include <cstdint>
#include <ostream>

#include "models/PoolingIndices.h"

namespace learn2add::models {

struct MirrorDecoderOptions {
    TORCH_ARG(std::int64_t, codeSize) = 7;    // >= 1, the Encoder's codeSize
    TORCH_ARG(std::int64_t, imageSize) = 32;  // 32 or 64, the Encoder's imageSize
};

class MirrorDecoderImpl : public torch::nn::Cloneable<MirrorDecoderImpl> {
public:
    // Throws c10::Error when the options are out of range (message says what is allowed).
    explicit MirrorDecoderImpl(const MirrorDecoderOptions& options = {});

    void reset() override;

    // Fallback path: code [N, codeSize] -> images [N, 1, imageSize, imageSize] in (0, 1).
    torch::Tensor forward(const torch::Tensor& code);

    // Indexed path: `pooling` must come from the Encoder pass that produced `code` (same batch).
    torch::Tensor forward(const torch::Tensor& code, const PoolingIndices& pooling);

    // The fallback path, also appending its two inner stages' activations (after their ReLU) to
    // `stages`: [N, 64, S/4, S/4], [N, 32, S/2, S/2].
    torch::Tensor forwardWithStages(const torch::Tensor& code, std::vector<torch::Tensor>& stages);

    // One unpooling of the indexed path: features [N, C, h, w] -> [N, C, H, W], each value placed
    // at its argmax position, zeros elsewhere (max_unpool2d, kernel 2, stride 2).
    static torch::Tensor unpoolWithIndices(const torch::Tensor& features,
                                           const torch::Tensor& indices,
                                           const std::array<std::int64_t, 2>& outputSize);

    // One unpooling of the fallback path: [N, C, h, w] -> [N, C, 2h, 2w], each value divided by 4
    // and copied to the four pixels of its window.
    static torch::Tensor unpoolWithoutIndices(const torch::Tensor& features);

    void pretty_print(std::ostream& stream) const override;

    MirrorDecoderOptions options;

private:
    torch::Tensor decode(const torch::Tensor& code, const PoolingIndices* pooling,
                         std::vector<torch::Tensor>* stages = nullptr);
    void checkCode(const torch::Tensor& code) const;
    void checkPooling(const PoolingIndices& pooling, std::int64_t batch) const;

    torch::nn::Linear fromCode_{nullptr};
    torch::nn::Linear toFeatures_{nullptr};
    // convs_[i] mirrors Encoder stage i: conv1 (32 -> 1), conv2 (64 -> 32), conv3 (128 -> 64).
    std::array<torch::nn::Conv2d, kPoolingStages> convs_{nullptr, nullptr, nullptr};
};

TORCH_MODULE(MirrorDecoder);

}  // namespace learn2add::models
