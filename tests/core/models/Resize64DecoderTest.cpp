#include "models/Resize64Decoder.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/models/ModelTestSupport.h"

namespace learn2add::models {
namespace {

using testing::expectTorchError;
using testing::SeededModelTest;

class Resize64DecoderShapes : public SeededModelTest,
                              public ::testing::WithParamInterface<std::int64_t> {};

TEST_P(Resize64DecoderShapes, Draws64x64ImagesInTheUnitInterval) {
    const std::int64_t codeSize = GetParam();
    Resize64Decoder decoder(Resize64DecoderOptions().codeSize(codeSize));
    for (const torch::Tensor& code :
         {torch::randn({3, codeSize}), torch::randn({3, codeSize}) * 100}) {
        const torch::Tensor images = decoder->forward(code);
        EXPECT_EQ(images.sizes(), (std::vector<std::int64_t>{3, 1, 64, 64}));
        EXPECT_GE(images.min().item<float>(), 0.0f);
        EXPECT_LE(images.max().item<float>(), 1.0f);
        EXPECT_EQ(resizeForEvaluation(images).sizes(), (std::vector<std::int64_t>{3, 1, 32, 32}));
    }
}

INSTANTIATE_TEST_SUITE_P(CodeSizes, Resize64DecoderShapes, ::testing::Values(2, 7));

TEST_F(SeededModelTest, ResizeForEvaluationIsBilinearHalving) {
    namespace F = torch::nn::functional;
    const torch::Tensor images = torch::rand({2, 1, 64, 64});
    const torch::Tensor bilinear =
        F::interpolate(images, F::InterpolateFuncOptions()
                                   .size(std::vector<std::int64_t>{32, 32})
                                   .mode(torch::kBilinear)
                                   .align_corners(false));
    EXPECT_TRUE(torch::allclose(resizeForEvaluation(images), bilinear, 1e-6, 1e-6));
    EXPECT_NEAR(resizeForEvaluation(images).mean().item<float>(), images.mean().item<float>(),
                1e-6);

    const torch::Tensor small = torch::rand({2, 1, 32, 32});
    EXPECT_TRUE(torch::equal(resizeForEvaluation(small), small));
    expectTorchError(
        [] {
            resizeForEvaluation(torch::rand({2, 1, 48, 48}));
        },
        "resizeForEvaluation: expected images of shape [N, C, 32, 32] or [N, C, 64, "
        "64], got [2, 1, 48, 48]");
}

TEST_F(SeededModelTest, Resize64DecoderRejectsInvalidOptionsAndCodes) {
    expectTorchError([] { Resize64Decoder(Resize64DecoderOptions().codeSize(0)); },
                     "Resize64DecoderOptions: codeSize must be at least 1 (the assignment uses 2 "
                     "and 7), got 0");
    Resize64Decoder decoder(Resize64DecoderOptions().codeSize(2));
    expectTorchError(
        [&] {
            decoder->forward(torch::rand({3, 7}));
        },
        "Resize64Decoder: expected a code of shape [N, 2], got [3, 7]");
}

}  // namespace
}  // namespace learn2add::models
