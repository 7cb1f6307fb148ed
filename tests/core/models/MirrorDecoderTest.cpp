#include "models/MirrorDecoder.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <tuple>

#include "core/models/ModelTestSupport.h"
#include "models/Encoder.h"

namespace learn2add::models {
namespace {

using testing::expectTorchError;
using testing::SeededModelTest;

class MirrorDecoderShapes
    : public SeededModelTest,
      public ::testing::WithParamInterface<std::tuple<std::int64_t, std::int64_t>> {};

TEST_P(MirrorDecoderShapes, BothPathsDrawImagesInTheUnitInterval) {
    const auto [codeSize, imageSize] = GetParam();
    Encoder encoder(EncoderOptions().codeSize(codeSize).imageSize(imageSize));
    MirrorDecoder decoder(MirrorDecoderOptions().codeSize(codeSize).imageSize(imageSize));
    const CodeAndIndices encoded =
        encoder->forwardWithIndices(torch::rand({4, 1, imageSize, imageSize}));
    const std::vector<std::int64_t> expected = {4, 1, imageSize, imageSize};

    for (const torch::Tensor& images :
         {decoder->forward(encoded.code, encoded.pooling), decoder->forward(encoded.code),
          decoder->forward(torch::randn({4, codeSize}) * 100)}) {
        EXPECT_EQ(images.sizes(), expected);
        EXPECT_GE(images.min().item<float>(), 0.0f);
        EXPECT_LE(images.max().item<float>(), 1.0f);
    }
}

INSTANTIATE_TEST_SUITE_P(CodeAndImageSizes, MirrorDecoderShapes,
                         ::testing::Combine(::testing::Values(2, 7), ::testing::Values(32, 64)));

TEST_F(SeededModelTest, IndexedUnpoolingPutsEachValueAtItsArgmax) {
    const torch::Tensor features = torch::rand({2, 3, 8, 8});
    auto [pooled, indices] = torch::max_pool2d_with_indices(features, {2, 2}, {2, 2});
    const torch::Tensor unpooled = MirrorDecoderImpl::unpoolWithIndices(pooled, indices, {8, 8});
    // Where the maximum was, the value is back; everywhere else there is zero.
    const torch::Tensor atMax = unpooled != 0;
    EXPECT_EQ(atMax.sum().item<std::int64_t>(), 2 * 3 * 4 * 4);
    EXPECT_TRUE(torch::equal(unpooled.masked_select(atMax), features.masked_select(atMax)));
    EXPECT_TRUE(torch::allclose(torch::max_pool2d(unpooled, 2, 2), pooled));
}

TEST_F(SeededModelTest, FallbackUnpoolingIsTheMeanOfTheFourPossiblePlacements) {
    // The documented difference between the two paths: the indexed path puts a value on one pixel
    // of its window, the fallback spreads it as value / 4 over all four, which is the average of
    // the four unpoolings with the maximum fixed at top-left, top-right, bottom-left, bottom-right.
    const torch::Tensor features = torch::randn({2, 3, 4, 4});
    const torch::Tensor flat = torch::arange(16, torch::kLong).view({1, 1, 4, 4});
    const torch::Tensor row = flat.div(4, "floor");
    const torch::Tensor col = flat.remainder(4);
    torch::Tensor sum = torch::zeros({2, 3, 8, 8});
    for (int dy : {0, 1}) {
        for (int dx : {0, 1}) {
            const torch::Tensor indices = ((row * 2 + dy) * 8 + col * 2 + dx).expand({2, 3, 4, 4});
            sum += MirrorDecoderImpl::unpoolWithIndices(features, indices.contiguous(), {8, 8});
        }
    }
    EXPECT_TRUE(torch::allclose(MirrorDecoderImpl::unpoolWithoutIndices(features), sum / 4));
}

TEST_F(SeededModelTest, FallbackDiffersFromTheIndexedPathButBothAreDifferentiable) {
    Encoder encoder(EncoderOptions().codeSize(7));
    MirrorDecoder decoder(MirrorDecoderOptions().codeSize(7));
    const torch::Tensor images = testing::syntheticDigits(8, 32, 1);
    const CodeAndIndices encoded = encoder->forwardWithIndices(images);

    const torch::Tensor indexed = decoder->forward(encoded.code, encoded.pooling);
    const torch::Tensor fallback = decoder->forward(encoded.code);
    EXPECT_GT((indexed - fallback).abs().max().item<float>(), 1e-4f);

    // Both paths carry gradients to the decoder's and the encoder's first layers.
    (indexed.mean() + fallback.mean()).backward();
    for (const auto& item : decoder->named_parameters()) {
        ASSERT_TRUE(item.value().grad().defined()) << item.key();
    }
    EXPECT_GT(encoder->named_parameters()["conv1.weight"].grad().abs().sum().item<float>(), 0.0f);
}

TEST_F(SeededModelTest, FallbackIsTheSameFunctionWhateverTheBatch) {
    // No hidden dependence on other samples: decoding one code alone or in a batch agrees.
    MirrorDecoder decoder(MirrorDecoderOptions().codeSize(2));
    const torch::Tensor codes = torch::randn({5, 2});
    const torch::Tensor batch = decoder->forward(codes);
    EXPECT_TRUE(
        torch::allclose(decoder->forward(codes.slice(0, 3, 4)), batch.slice(0, 3, 4), 1e-5, 1e-6));
}

TEST_F(SeededModelTest, MirrorDecoderComputesExactlyTheMirroredLayers) {
    Encoder encoder(EncoderOptions().codeSize(7));
    MirrorDecoder decoder(MirrorDecoderOptions().codeSize(7));
    const CodeAndIndices encoded = encoder->forwardWithIndices(torch::rand({3, 1, 32, 32}));
    auto p = decoder->named_parameters();
    torch::Tensor x = torch::linear(encoded.code, p["from_code.weight"], p["from_code.bias"]);
    x = torch::linear(x, p["to_features.weight"], p["to_features.bias"]).view({3, 128, 4, 4});
    for (int stage = 2; stage >= 0; --stage) {
        const std::string name = "conv" + std::to_string(stage + 1);
        const std::int64_t side = 32 >> stage;
        x = torch::max_unpool2d(x, encoded.pooling.indices[stage], {side, side});
        x = torch::conv2d(x, p[name + ".weight"], p[name + ".bias"], 1, 1);
        x = stage == 0 ? torch::sigmoid(x) : torch::relu(x);
    }
    EXPECT_TRUE(torch::allclose(decoder->forward(encoded.code, encoded.pooling), x, 1e-5, 1e-6));
}

TEST_F(SeededModelTest, MirrorDecoderParameterNamesMirrorTheEncoder) {
    MirrorDecoder decoder(MirrorDecoderOptions().codeSize(7));
    auto parameters = decoder->named_parameters();
    EXPECT_EQ(parameters.size(), 10u);
    EXPECT_EQ(parameters["from_code.weight"].sizes(), (std::vector<std::int64_t>{256, 7}));
    EXPECT_EQ(parameters["to_features.weight"].sizes(), (std::vector<std::int64_t>{2048, 256}));
    EXPECT_EQ(parameters["conv3.weight"].sizes(), (std::vector<std::int64_t>{64, 128, 3, 3}));
    EXPECT_EQ(parameters["conv2.weight"].sizes(), (std::vector<std::int64_t>{32, 64, 3, 3}));
    EXPECT_EQ(parameters["conv1.weight"].sizes(), (std::vector<std::int64_t>{1, 32, 3, 3}));
}

TEST_F(SeededModelTest, MirrorDecoderRejectsInvalidOptionsAndInputs) {
    expectTorchError([] { MirrorDecoder(MirrorDecoderOptions().codeSize(0)); },
                     "MirrorDecoderOptions: codeSize must be at least 1 (the assignment uses 2 and "
                     "7), got 0");
    expectTorchError([] { MirrorDecoder(MirrorDecoderOptions().imageSize(48)); },
                     "MirrorDecoderOptions: imageSize must be 32 or 64 (the Encoder's imageSize), "
                     "got 48");

    Encoder encoder(EncoderOptions().codeSize(7));
    MirrorDecoder decoder(MirrorDecoderOptions().codeSize(7));
    const CodeAndIndices encoded = encoder->forwardWithIndices(torch::rand({4, 1, 32, 32}));
    expectTorchError(
        [&] {
            decoder->forward(torch::rand({4, 2}));
        },
        "MirrorDecoder: expected a code of shape [N, 7], got [4, 2]");

    PoolingIndices missing = encoded.pooling;
    missing.indices[1] = torch::Tensor();
    expectTorchError([&] { decoder->forward(encoded.code, missing); },
                     "MirrorDecoder: pooling indices of stage 2 are missing");

    const torch::Tensor twoCodes = encoded.code.slice(0, 0, 2);
    expectTorchError([&] { decoder->forward(twoCodes, encoded.pooling); },
                     "MirrorDecoder: pooling indices of stage 1 have shape [4, 32, 16, 16] for an "
                     "input of 32x32; expected [2, 32, 16, 16] for an input of 32x32");
}

}  // namespace
}  // namespace learn2add::models
