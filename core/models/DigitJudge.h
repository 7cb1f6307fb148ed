#pragma once
// The judge: a small CNN digit classifier that reads generated images, so that "the model adds
// correctly" is a number (addition accuracy) and not only a picture.
//
//   using namespace learn2add::models;
//   DigitJudge judge;
//   torch::Tensor logits = judge->forward(images32);          // [N, 1, 32, 32] -> [N, 10]
//   torch::Tensor digits = judge->predict(images32);          // [N] int64, eval mode expected
//
// Architecture, parameter names in ():
//   (conv1) Conv2d(1 -> 32, 3x3, pad 1), ReLU, (conv2) Conv2d(32 -> 32, 3x3, pad 1), ReLU,
//   max-pool 2                                                        -> [N, 32, 16, 16]
//   (conv3) Conv2d(32 -> 64, 3x3, pad 1), ReLU, (conv4) Conv2d(64 -> 64, 3x3, pad 1), ReLU,
//   max-pool 2                                                        -> [N, 64, 8, 8]
//   (hidden) Linear(64 * 8 * 8 -> 128), ReLU, dropout 0.3 (training only)
//   (output) Linear(128 -> 10)                                        logits
// Images must be 32x32: average a resize64 decoder's output down first (infer::at32).
//
// Thread safety: as any torch::nn::Module (see Autoencoder.h).

#include <torch/nn/cloneable.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <array>

namespace learn2add::models {

class DigitJudgeImpl : public torch::nn::Cloneable<DigitJudgeImpl> {
public:
    static constexpr std::int64_t kImageSize = 32;
    static constexpr std::int64_t kClasses = 10;

    DigitJudgeImpl();
    void reset() override;

    // images [N, 1, 32, 32] in [0, 1] -> logits [N, 10].
    torch::Tensor forward(const torch::Tensor& images);

    // The digit read in each image (argmax), without gradients.
    torch::Tensor predict(const torch::Tensor& images);

    // Class probabilities (softmax of the logits), without gradients.
    torch::Tensor probabilities(const torch::Tensor& images);

private:
    std::array<torch::nn::Conv2d, 4> convs_{nullptr, nullptr, nullptr, nullptr};
    torch::nn::Linear hidden_{nullptr};
    torch::nn::Dropout dropout_{nullptr};
    torch::nn::Linear output_{nullptr};
};

TORCH_MODULE(DigitJudge);

}  // namespace learn2add::models
