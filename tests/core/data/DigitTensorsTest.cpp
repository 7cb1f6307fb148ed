#include "data/DigitTensors.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/data/IdxFixtures.h"

namespace learn2add::data {
namespace {

DigitSet gradientSet() {
    // Two 28x28 images: a horizontal ramp, and a constant 255.
    IdxArray images{{2, 28, 28}, {}};
    for (int r = 0; r < 28; ++r) {
        for (int c = 0; c < 28; ++c) images.values.push_back(static_cast<std::uint8_t>(c * 9));
    }
    images.values.insert(images.values.end(), 28 * 28, 255);
    return makeDigitSet(images, testing::makeLabels({3, 5}), "i", "l");
}

TEST(DigitTensors, ResizesTo32And64InUnitRange) {
    const DigitSet set = gradientSet();
    for (const int size : {28, 32, 64}) {
        const torch::Tensor t = imagesToTensor(set, size);
        EXPECT_EQ(t.sizes(), (std::vector<std::int64_t>{2, 1, size, size}));
        EXPECT_EQ(t.scalar_type(), torch::kFloat32);
        EXPECT_GE(t.min().item<float>(), 0.0f);
        EXPECT_LE(t.max().item<float>(), 1.0f);
        EXPECT_NEAR(t[1].mean().item<float>(), 1.0f, 1e-6);  // a constant stays constant
    }
}

TEST(DigitTensors, BilinearKeepsARampMonotonic) {
    const torch::Tensor t = imagesToTensor(gradientSet(), 32);
    const torch::Tensor row = t[0][0][16];
    EXPECT_TRUE(torch::all(row.slice(0, 1) >= row.slice(0, 0, 31)).item<bool>());
    EXPECT_NEAR(row[0].item<float>(), 0.0f, 1e-6);
    EXPECT_NEAR(row[31].item<float>(), 243.0f / 255.0f, 1e-6);
}

TEST(DigitTensors, NoResizeIsExactBytesOver255) {
    const torch::Tensor t = imagesToTensor(gradientSet(), 28);
    EXPECT_FLOAT_EQ(t[0][0][3][5].item<float>(), 45.0f / 255.0f);
}

TEST(DigitTensors, AdditionTensorsFollowThePairs) {
    std::vector<std::uint8_t> labels = testing::balancedLabels(4);
    const DigitSet set = makeDigitSet(testing::makeImages(labels.size()), testing::makeLabels(labels), "i", "l");
    const AdditionPairSet pairs = buildAdditionPairs(set, 1);
    const AdditionTensors t = additionTensors(set, pairs, 32);
    const auto n = static_cast<std::int64_t>(pairs.size());
    EXPECT_EQ(t.input.sizes(), (std::vector<std::int64_t>{n, 1, 32, 32}));
    EXPECT_EQ(t.addend.sizes(), (std::vector<std::int64_t>{n, 1}));
    EXPECT_TRUE(torch::equal(t.inputDigit + t.addend.squeeze(1).to(torch::kInt64), t.outputDigit));
    // Image k is filled with k: the tensors carry the paired images.
    const AdditionPair& last = pairs.pairs.back();
    EXPECT_NEAR(t.output[n - 1].mean().item<float>(), static_cast<float>(last.output) / 255.0f, 1e-6);
}

}  // namespace
}  // namespace learn2add::data
