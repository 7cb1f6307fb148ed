#include "models/UpsampleDecoder.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/models/ModelTestSupport.h"

namespace learn2add::models {
namespace {

using testing::expectTorchError;
using testing::SeededModelTest;

class UpsampleDecoderShapes : public SeededModelTest,
                              public ::testing::WithParamInterface<std::int64_t> {};

TEST_P(UpsampleDecoderShapes, DrawsImagesInTheUnitInterval) {
    const std::int64_t codeSize = GetParam();
    UpsampleDecoder decoder(UpsampleDecoderOptions().codeSize(codeSize));
    for (const torch::Tensor& code :
         {torch::randn({3, codeSize}), torch::randn({3, codeSize}) * 100}) {
        const torch::Tensor images = decoder->forward(code);
        EXPECT_EQ(images.sizes(), (std::vector<std::int64_t>{3, 1, 32, 32}));
        EXPECT_GE(images.min().item<float>(), 0.0f);
        EXPECT_LE(images.max().item<float>(), 1.0f);
    }
}

INSTANTIATE_TEST_SUITE_P(CodeSizes, UpsampleDecoderShapes, ::testing::Values(2, 7));

TEST_F(SeededModelTest, UpsampleDecoderParameterNames) {
    UpsampleDecoder decoder(UpsampleDecoderOptions().codeSize(2));
    auto parameters = decoder->named_parameters();
    EXPECT_EQ(parameters.size(), 12u);
    EXPECT_EQ(parameters["from_code.weight"].sizes(), (std::vector<std::int64_t>{256, 2}));
    EXPECT_EQ(parameters["conv1.weight"].sizes(), (std::vector<std::int64_t>{64, 128, 3, 3}));
    EXPECT_EQ(parameters["output.weight"].sizes(), (std::vector<std::int64_t>{1, 32, 3, 3}));
}

TEST_F(SeededModelTest, UpsampleDecoderRejectsInvalidOptionsAndCodes) {
    expectTorchError([] { UpsampleDecoder(UpsampleDecoderOptions().codeSize(0)); },
                     "UpsampleDecoderOptions: codeSize must be at least 1 (the assignment uses 2 "
                     "and 7), got 0");
    UpsampleDecoder decoder(UpsampleDecoderOptions().codeSize(7));
    expectTorchError([&] { decoder->forward(torch::rand({7})); },
                     "UpsampleDecoder: expected a code of shape [N, 7], got [7]");
}

}  // namespace
}  // namespace learn2add::models
