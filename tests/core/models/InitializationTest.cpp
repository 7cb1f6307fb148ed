#include "models/Initialization.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

#include "core/models/ModelTestSupport.h"
#include "models/Autoencoder.h"

namespace learn2add::models {
namespace {

using testing::expectTorchError;
using testing::SeededModelTest;

TEST_F(SeededModelTest, HeInitializationHasTheReluVarianceAndZeroBias) {
    torch::nn::Conv2d conv(torch::nn::Conv2dOptions(64, 128, 3).padding(1));
    heInitialize(*conv);
    const double expectedStd = std::sqrt(2.0 / (64 * 9));
    EXPECT_NEAR(conv->weight.std().item<double>(), expectedStd, 0.02 * expectedStd);
    EXPECT_NEAR(conv->weight.mean().item<double>(), 0.0, 0.02 * expectedStd);
    EXPECT_EQ(conv->bias.abs().max().item<float>(), 0.0f);
}

TEST_F(SeededModelTest, OutputBiasIsTheLogOddsOfTheMeanIntensity) {
    torch::nn::Conv2d conv(torch::nn::Conv2dOptions(16, 1, 3).padding(1));
    initializeOutputBias(*conv, 0.25);
    EXPECT_NEAR(conv->bias.item<double>(), std::log(0.25 / 0.75), 1e-6);
    expectTorchError([&] { initializeOutputBias(*conv, 1.0); },
                     "initializeOutputBias: meanIntensity must be strictly between 0 and 1, got 1");
}

TEST_F(SeededModelTest, EveryDecoderStartsNearTheMeanGreyLevel) {
    // Untrained decoders draw roughly MNIST's average intensity, not 0.5 everywhere.
    for (DecoderKind kind : kAllDecoderKinds) {
        Autoencoder model(AutoencoderOptions().decoder(kind).codeSize(7));
        torch::NoGradGuard noGrad;
        const torch::Tensor images =
            model->forward(testing::syntheticDigits(8, model->imageSize(), 2));
        EXPECT_NEAR(images.mean().item<double>(), kMnistMeanIntensity, 0.08) << toString(kind);
    }
}

TEST_F(SeededModelTest, EncoderConvolutionsAreHeInitialized) {
    Encoder encoder(EncoderOptions().codeSize(7));
    auto p = encoder->named_parameters();
    const double expectedStd = std::sqrt(2.0 / (64 * 9));
    EXPECT_NEAR(p["conv3.weight"].std().item<double>(), expectedStd, 0.03 * expectedStd);
    EXPECT_EQ(p["conv3.bias"].abs().max().item<float>(), 0.0f);
}

}  // namespace
}  // namespace learn2add::models
