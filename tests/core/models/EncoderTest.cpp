#include "models/Encoder.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <tuple>

#include "core/models/ModelTestSupport.h"
#include "models/MaxPooling.h"
#include "models/WeightLayout.h"

namespace learn2add::models {
namespace {

using testing::expectTorchError;
using testing::SeededModelTest;
using testing::syntheticDigits;

class EncoderShapes : public SeededModelTest,
                      public ::testing::WithParamInterface<std::tuple<std::int64_t, std::int64_t>> {
};

TEST_P(EncoderShapes, CodeAndPoolingIndicesHaveTheDocumentedShapes) {
    const auto [codeSize, imageSize] = GetParam();
    Encoder encoder(EncoderOptions().codeSize(codeSize).imageSize(imageSize));
    const torch::Tensor images = torch::rand({5, 1, imageSize, imageSize});

    const torch::Tensor code = encoder->forward(images);
    EXPECT_EQ(code.sizes(), (std::vector<std::int64_t>{5, codeSize}));

    const CodeAndIndices withIndices = encoder->forwardWithIndices(images);
    EXPECT_TRUE(torch::equal(withIndices.code, code)) << "both paths compute the same code";
    for (int stage = 0; stage < kPoolingStages; ++stage) {
        const std::int64_t side = imageSize >> stage;
        EXPECT_EQ(withIndices.pooling.inputSizes[stage], (std::array<std::int64_t, 2>{side, side}));
        EXPECT_EQ(withIndices.pooling.indices[stage].sizes(),
                  (std::vector<std::int64_t>{5, kStageChannels[stage], side / 2, side / 2}));
        EXPECT_EQ(withIndices.pooling.indices[stage].scalar_type(), torch::kLong);
    }
}

INSTANTIATE_TEST_SUITE_P(CodeAndImageSizes, EncoderShapes,
                         ::testing::Combine(::testing::Values(2, 7), ::testing::Values(32, 64)));

// The pooling of the encoder and the judge: without gradients it runs channels-last (the fast
// kernel) yet gives the same values in the layout it was given; with gradients it is the default
// kernel, gradients included.
TEST(MaxPooling, GivesTheDefaultKernelsValuesInTheGivenLayoutWithAndWithoutGradients) {
    torch::manual_seed(3);
    const torch::Tensor x = torch::relu(torch::randn({5, 8, 12, 12}));
    const torch::Tensor expected = torch::max_pool2d(x, {2, 2}, {2, 2});
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor pooled = maxPool2x2(x);
        EXPECT_TRUE(pooled.is_contiguous());
        EXPECT_TRUE(torch::equal(pooled, expected));
        const torch::Tensor half = x.to(torch::kBFloat16);
        EXPECT_TRUE(torch::equal(maxPool2x2(half), torch::max_pool2d(half, {2, 2}, {2, 2})));
        // Activations of channels-last weights (training, the views) stay channels-last.
        const torch::Tensor channelsLast = maxPool2x2(x.contiguous(at::MemoryFormat::ChannelsLast));
        EXPECT_TRUE(channelsLast.is_contiguous(at::MemoryFormat::ChannelsLast));
        EXPECT_FALSE(channelsLast.is_contiguous());
        EXPECT_TRUE(torch::equal(channelsLast, expected));
    }
    const torch::Tensor leaf = x.clone().requires_grad_(true);
    const torch::Tensor pooled = maxPool2x2(leaf);
    EXPECT_TRUE(torch::equal(pooled.detach(), expected));
    pooled.sum().backward();
    const torch::Tensor reference = x.clone().requires_grad_(true);
    torch::max_pool2d(reference, {2, 2}, {2, 2}).sum().backward();
    EXPECT_TRUE(torch::equal(leaf.grad(), reference.grad()));
}

// Training's layout (models/WeightLayout.h): every convolution weight channels-last, the first one
// with its single input channel too (its strides are what LibTorch reads to pick the kernels), the
// same tensors with the same values; the encoder computes the same codes; back to the default
// layout, stride for stride.
TEST_F(SeededModelTest, ConvolutionWeightsTrainChannelsLastKeepingTheirTensorsAndValues) {
    Encoder encoder(EncoderOptions().codeSize(7));
    const torch::Tensor images = syntheticDigits(6, 32, 4);
    torch::Tensor before;
    {
        torch::NoGradGuard noGrad;
        before = encoder->forward(images);
    }
    const std::vector<torch::Tensor> parameters = encoder->parameters();
    std::vector<const void*> identities;
    std::vector<torch::Tensor> values;
    for (const torch::Tensor& p : parameters) {
        identities.push_back(p.unsafeGetTensorImpl());
        values.push_back(p.detach().clone());
    }
    ASSERT_TRUE(inDefaultLayout(parameters));

    setWeightLayout(parameters, at::MemoryFormat::ChannelsLast);
    EXPECT_FALSE(inDefaultLayout(parameters));
    const torch::Tensor conv1 = encoder->named_parameters()["conv1.weight"];
    EXPECT_EQ(conv1.strides().vec(), (std::vector<std::int64_t>{9, 1, 3, 1}));
    EXPECT_EQ(conv1.suggest_memory_format(), at::MemoryFormat::ChannelsLast);
    for (std::size_t k = 0; k < parameters.size(); ++k) {
        EXPECT_EQ(parameters[k].unsafeGetTensorImpl(), identities[k]);
        EXPECT_TRUE(torch::equal(parameters[k], values[k]));
        if (parameters[k].dim() == 4) {
            EXPECT_TRUE(parameters[k].is_contiguous(at::MemoryFormat::ChannelsLast));
        } else {
            EXPECT_TRUE(parameters[k].is_contiguous());
        }
    }
    {
        torch::NoGradGuard noGrad;
        EXPECT_TRUE(torch::allclose(encoder->forward(images), before, 1e-4, 1e-5));
    }

    setWeightLayout(parameters, at::MemoryFormat::Contiguous);
    EXPECT_TRUE(inDefaultLayout(parameters));
    EXPECT_EQ(conv1.strides().vec(), (std::vector<std::int64_t>{9, 9, 3, 1}));
    for (std::size_t k = 0; k < parameters.size(); ++k) {
        EXPECT_TRUE(torch::equal(parameters[k], values[k]));
    }
}

TEST_F(SeededModelTest, EncoderParameterNamesAndShapesFollowTheSpec) {
    Encoder encoder(EncoderOptions().codeSize(2));
    const auto parameters = encoder->named_parameters();
    EXPECT_EQ(parameters.size(), 10u);
    EXPECT_EQ(parameters["conv1.weight"].sizes(), (std::vector<std::int64_t>{32, 1, 3, 3}));
    EXPECT_EQ(parameters["conv2.weight"].sizes(), (std::vector<std::int64_t>{64, 32, 3, 3}));
    EXPECT_EQ(parameters["conv3.weight"].sizes(), (std::vector<std::int64_t>{128, 64, 3, 3}));
    EXPECT_EQ(parameters["hidden.weight"].sizes(), (std::vector<std::int64_t>{256, 128 * 4 * 4}));
    EXPECT_EQ(parameters["to_code.weight"].sizes(), (std::vector<std::int64_t>{2, 256}));

    Encoder large(EncoderOptions().codeSize(7).imageSize(64));
    EXPECT_EQ(large->named_parameters()["hidden.weight"].sizes(),
              (std::vector<std::int64_t>{256, 128 * 8 * 8}));
}

TEST_F(SeededModelTest, EncoderComputesExactlyTheSpecifiedLayers) {
    // The spec written out with the module's own weights: conv + ReLU + max-pool three times, then
    // "MLP (256), Linear" and "MLP (code), Linear", i.e. no activation after either linear layer.
    Encoder encoder(EncoderOptions().codeSize(7));
    auto p = encoder->named_parameters();
    const torch::Tensor images = torch::rand({3, 1, 32, 32});
    torch::Tensor x = images;
    for (const char* conv : {"conv1", "conv2", "conv3"}) {
        const std::string name = conv;
        x = torch::conv2d(x, p[name + ".weight"], p[name + ".bias"], 1, 1);
        x = torch::max_pool2d(torch::relu(x), 2, 2);
    }
    x = torch::linear(x.flatten(1), p["hidden.weight"], p["hidden.bias"]);
    x = torch::linear(x, p["to_code.weight"], p["to_code.bias"]);
    EXPECT_TRUE(torch::allclose(encoder->forward(images), x, 1e-5, 1e-6));
}

TEST_F(SeededModelTest, EncoderRejectsInvalidOptionsWithAPreciseMessage) {
    expectTorchError([] { Encoder(EncoderOptions().codeSize(0)); },
                     "EncoderOptions: codeSize must be at least 1 (the assignment uses 2 and 7), "
                     "got 0");
    expectTorchError([] { Encoder(EncoderOptions().imageSize(48)); },
                     "EncoderOptions: imageSize must be 32 or 64 (64 only for the resize64 "
                     "decoder), got 48");
}

TEST_F(SeededModelTest, EncoderRejectsImagesOfTheWrongShape) {
    Encoder encoder(EncoderOptions().codeSize(7));
    expectTorchError(
        [&] {
            encoder->forward(torch::rand({4, 1, 28, 28}));
        },
        "Encoder: expected images of shape [N, 1, 32, 32], got [4, 1, 28, 28]");
    expectTorchError(
        [&] {
            encoder->forwardWithIndices(torch::rand({4, 32, 32}));
        },
        "Encoder: expected images of shape [N, 1, 32, 32], got [4, 32, 32]");
}

TEST_F(SeededModelTest, EncoderPrintsItsOptions) {
    Encoder encoder(EncoderOptions().codeSize(2).imageSize(64));
    std::ostringstream stream;
    encoder->pretty_print(stream);
    EXPECT_EQ(stream.str(), "learn2add::models::Encoder(codeSize=2, imageSize=64)");
}

}  // namespace
}  // namespace learn2add::models
