// Short training runs: each decoder must clearly learn a tiny fixed batch, and training must be
// bit-for-bit reproducible. Labelled "slow" (a few seconds per decoder on two cores).
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <chrono>

#include "core/models/ModelTestSupport.h"
#include "models/Autoencoder.h"

namespace learn2add::models {
namespace {

using testing::SeededModelTest;

// Adam (lr 1e-3, as the assignment) on the L2 reconstruction loss; returns the loss before the
// first step and after the last.
std::pair<float, float> train(Autoencoder& model, const torch::Tensor& images, int steps) {
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));
    float first = 0.0f;
    float last = 0.0f;
    for (int step = 0; step <= steps; ++step) {
        optimizer.zero_grad();
        const torch::Tensor loss = torch::mse_loss(model->forward(images), images);
        if (step == 0) first = loss.item<float>();
        last = loss.item<float>();
        if (step == steps) break;
        loss.backward();
        optimizer.step();
    }
    return {first, last};
}

class AutoencoderTraining : public SeededModelTest,
                            public ::testing::WithParamInterface<DecoderKind> {};

TEST_P(AutoencoderTraining, AdamClearlyLowersTheReconstructionError) {
    const DecoderKind kind = GetParam();
    Autoencoder model(AutoencoderOptions().decoder(kind).codeSize(7));
    // 16 images at 32x32, 8 at 64x64: about the same work per step.
    const std::int64_t count = model->imageSize() == 64 ? 8 : 16;
    const torch::Tensor images = testing::syntheticDigits(count, model->imageSize(), 7);
    const float allBlack = images.pow(2).mean().item<float>();  // the error of the collapsed model

    const auto start = std::chrono::steady_clock::now();
    const auto [before, after] = train(model, images, 100);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    RecordProperty("mse_before", std::to_string(before));
    RecordProperty("mse_after", std::to_string(after));
    std::cout << toString(kind) << ": MSE " << before << " -> " << after << " in 100 steps, "
              << seconds << " s (all-black MSE " << allBlack << ")\n";
    EXPECT_LT(after, 0.1f * before);
    EXPECT_LT(after, 0.1f * allBlack) << "the model must learn the strokes, not the background";
}

INSTANTIATE_TEST_SUITE_P(Decoders, AutoencoderTraining, ::testing::ValuesIn(kAllDecoderKinds),
                         [](const auto& info) { return toString(info.param); });

TEST_F(SeededModelTest, SameSeedAndDataGiveBitIdenticalTrainedWeights) {
    const torch::Tensor images = testing::syntheticDigits(8, 32, 5);
    std::vector<std::vector<torch::Tensor>> weights;
    for (int run = 0; run < 2; ++run) {
        torch::manual_seed(99);
        Autoencoder model(AutoencoderOptions().decoder(DecoderKind::Mirror).codeSize(7));
        train(model, images, 10);
        weights.emplace_back();
        for (const auto& parameter : model->parameters())
            weights.back().push_back(parameter.clone());
    }
    ASSERT_EQ(weights[0].size(), weights[1].size());
    for (std::size_t i = 0; i < weights[0].size(); ++i) {
        EXPECT_TRUE(torch::equal(weights[0][i], weights[1][i])) << "parameter " << i;
    }
}

}  // namespace
}  // namespace learn2add::models
