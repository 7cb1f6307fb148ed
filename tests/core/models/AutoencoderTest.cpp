#include "models/Autoencoder.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <tuple>

#include "core/models/ModelTestSupport.h"
#include "models/ParameterCount.h"

namespace learn2add::models {
namespace {

using testing::expectTorchError;
using testing::SeededModelTest;

bool sameParameters(const torch::nn::Module& a, const torch::nn::Module& b) {
    const auto pa = a.named_parameters();
    const auto pb = b.named_parameters();
    if (pa.size() != pb.size()) return false;
    for (const auto& item : pa) {
        const torch::Tensor* other = pb.find(item.key());
        if (other == nullptr || !torch::equal(item.value(), *other)) return false;
    }
    return true;
}

class AutoencoderShapes
    : public SeededModelTest,
      public ::testing::WithParamInterface<std::tuple<DecoderKind, std::int64_t>> {};

TEST_P(AutoencoderShapes, ForwardEncodeAndDecodeHaveTheDocumentedShapes) {
    const auto [kind, codeSize] = GetParam();
    Autoencoder model(AutoencoderOptions().decoder(kind).codeSize(codeSize));
    const std::int64_t s = kind == DecoderKind::Resize64 ? 64 : 32;
    EXPECT_EQ(model->imageSize(), s);
    EXPECT_EQ(model->codeSize(), codeSize);
    EXPECT_EQ(model->decoderKind(), kind);

    const torch::Tensor images = testing::syntheticDigits(6, s, 3);
    const std::vector<std::int64_t> imageShape = {6, 1, s, s};
    const CodeAndReconstruction out = model->forwardWithCode(images);
    EXPECT_EQ(out.code.sizes(), (std::vector<std::int64_t>{6, codeSize}));
    EXPECT_EQ(out.reconstruction.sizes(), imageShape);
    EXPECT_TRUE(torch::equal(model->forward(images), out.reconstruction));
    EXPECT_TRUE(torch::equal(model->encode(images), out.code));

    const torch::Tensor drawn = model->decode(torch::randn({6, codeSize}) * 10);
    EXPECT_EQ(drawn.sizes(), imageShape);
    EXPECT_GE(drawn.min().item<float>(), 0.0f);
    EXPECT_LE(drawn.max().item<float>(), 1.0f);

    // Only the mirror decoder's forward() uses the pooling indices that decode() lacks.
    const bool sameAsDecodeOfEncode = torch::equal(model->decode(out.code), out.reconstruction);
    EXPECT_EQ(sameAsDecodeOfEncode, kind != DecoderKind::Mirror);

    // The stages' activations come with the same code and images (the feature maps' view).
    std::vector<torch::Tensor> encoderStages, decoderStages;
    EXPECT_TRUE(torch::equal(model->encodeWithStages(images, encoderStages), out.code));
    ASSERT_EQ(encoderStages.size(), 3u);
    EXPECT_EQ(encoderStages[0].sizes(), (std::vector<std::int64_t>{6, 32, s, s}));
    EXPECT_EQ(encoderStages[2].sizes(), (std::vector<std::int64_t>{6, 128, s / 4, s / 4}));
    EXPECT_TRUE(torch::equal(model->decodeWithStages(out.code, decoderStages), model->decode(out.code)));
    const std::size_t innerStages = kind == DecoderKind::Mirror ? 2 : kind == DecoderKind::Upsample ? 3 : 4;
    ASSERT_EQ(decoderStages.size(), innerStages);
    EXPECT_EQ(decoderStages.back().size(3), kind == DecoderKind::Mirror ? s / 2 : s);
    for (const torch::Tensor& stage : decoderStages) EXPECT_GE(stage.min().item<float>(), 0.0f) << "after a ReLU";
}

INSTANTIATE_TEST_SUITE_P(DecodersAndCodeSizes, AutoencoderShapes,
                         ::testing::Combine(::testing::ValuesIn(kAllDecoderKinds),
                                            ::testing::Values(2, 7)),
                         [](const auto& info) {
                             return toString(std::get<0>(info.param)) + "_code" +
                                    std::to_string(std::get<1>(info.param));
                         });

TEST(DecoderKind, NamesRoundTripAndUnknownNamesAreRejected) {
    for (DecoderKind kind : kAllDecoderKinds)
        EXPECT_EQ(decoderKindFromString(toString(kind)), kind);
    EXPECT_EQ(toString(DecoderKind::Mirror), "mirror");
    EXPECT_EQ(toString(DecoderKind::Upsample), "upsample");
    EXPECT_EQ(toString(DecoderKind::Resize64), "resize64");
    expectTorchError([] { decoderKindFromString("Mirror"); },
                     "unknown decoder \"Mirror\"; expected one of: mirror, upsample, resize64");
    expectTorchError([] { decoderKindFromString(""); }, "unknown decoder \"\"");
    EXPECT_EQ(imageSizeFor(DecoderKind::Resize64), 64);
    EXPECT_EQ(imageSizeFor(DecoderKind::Mirror), 32);
}

TEST_F(SeededModelTest, AutoencoderRejectsInvalidOptions) {
    expectTorchError([] { Autoencoder(AutoencoderOptions().codeSize(0)); },
                     "AutoencoderOptions: codeSize must be at least 1 (the assignment uses 2 and "
                     "7), got 0");
    expectTorchError([] { Autoencoder(AutoencoderOptions().decoder(static_cast<DecoderKind>(9))); },
                     "AutoencoderOptions: decoder must be DecoderKind::Mirror, Upsample or "
                     "Resize64, got the value 9");
}

TEST_F(SeededModelTest, AutoencoderParameterNamesAreStable) {
    Autoencoder model(AutoencoderOptions().decoder(DecoderKind::Mirror).codeSize(7));
    const auto parameters = model->named_parameters();
    EXPECT_NE(parameters.find("encoder.conv1.weight"), nullptr);
    EXPECT_NE(parameters.find("encoder.to_code.bias"), nullptr);
    EXPECT_NE(parameters.find("decoder.conv1.weight"), nullptr);
    EXPECT_EQ(parameters.size(), 20u);
    EXPECT_EQ(model->encoder()->named_parameters().size(), 10u);
    EXPECT_EQ(model->decoder()->named_parameters().size(), 10u);
}

TEST_F(SeededModelTest, SameSeedGivesIdenticalParameters) {
    for (DecoderKind kind : kAllDecoderKinds) {
        const auto options = AutoencoderOptions().decoder(kind).codeSize(7);
        torch::manual_seed(123);
        Autoencoder first(options);
        torch::manual_seed(123);
        Autoencoder second(options);
        torch::manual_seed(124);
        Autoencoder third(options);
        EXPECT_TRUE(sameParameters(*first, *second)) << toString(kind);
        EXPECT_FALSE(sameParameters(*first, *third)) << toString(kind);
    }
}

TEST_F(SeededModelTest, CloneIsAnEqualButIndependentSnapshot) {
    Autoencoder model(AutoencoderOptions().decoder(DecoderKind::Mirror).codeSize(2));
    auto snapshot = std::dynamic_pointer_cast<AutoencoderImpl>(model->clone());
    ASSERT_NE(snapshot, nullptr);
    EXPECT_TRUE(sameParameters(*model, *snapshot));
    EXPECT_EQ(snapshot->decoderKind(), DecoderKind::Mirror);
    const torch::Tensor images = torch::rand({2, 1, 32, 32});
    EXPECT_TRUE(torch::equal(snapshot->forward(images), model->forward(images)));

    {
        torch::NoGradGuard noGrad;
        for (auto& parameter : model->parameters()) parameter.add_(1.0);
    }
    EXPECT_FALSE(sameParameters(*model, *snapshot));
}

TEST_F(SeededModelTest, ParameterCountAddsUpEveryParameter) {
    Autoencoder model(AutoencoderOptions().decoder(DecoderKind::Upsample).codeSize(2));
    std::int64_t expected = 0;
    for (const auto& parameter : model->parameters()) expected += parameter.numel();
    EXPECT_EQ(parameterCount(*model), expected);
    // Encoder at 32x32, code 2: convs 320 + 18,496 + 73,856, hidden 2048*256+256, to_code 514.
    EXPECT_EQ(parameterCount(*model->encoder()), 320 + 18496 + 73856 + 524544 + 514);

    for (auto& parameter : model->encoder()->parameters()) parameter.set_requires_grad(false);
    EXPECT_EQ(parameterCount(*model, /*trainableOnly=*/true),
              expected - parameterCount(*model->encoder()));
}

TEST_F(SeededModelTest, AutoencoderPrintsItsOptions) {
    Autoencoder model(AutoencoderOptions().decoder(DecoderKind::Resize64).codeSize(2));
    std::ostringstream stream;
    model->pretty_print(stream);
    EXPECT_EQ(stream.str(),
              "learn2add::models::Autoencoder(decoder=resize64, codeSize=2, imageSize=64)");
}

}  // namespace
}  // namespace learn2add::models
