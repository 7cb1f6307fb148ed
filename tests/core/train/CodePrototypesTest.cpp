#include "train/CodePrototypes.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace learn2add::train {
namespace {

TEST(CodePrototypes, StartAsTheMeanCodeOfEachDigit) {
    const torch::Tensor codes = torch::tensor({{1.0f, 0.0f}, {3.0f, 2.0f}, {-4.0f, 8.0f}});
    const torch::Tensor digits = torch::tensor({2, 2, 7}, torch::kInt64);
    const CodePrototypes prototypes = CodePrototypes::fromCodes(codes, digits);
    EXPECT_TRUE(torch::allclose(prototypes.of(torch::tensor({2}, torch::kInt64)),
                                torch::tensor({{2.0f, 1.0f}})));
    EXPECT_TRUE(torch::allclose(prototypes.of(torch::tensor({7}, torch::kInt64)),
                                torch::tensor({{-4.0f, 8.0f}})));
    // A digit without codes gets the mean of all codes.
    EXPECT_TRUE(torch::allclose(prototypes.of(torch::tensor({0}, torch::kInt64)),
                                torch::tensor({{0.0f, 10.0f / 3.0f}})));
    EXPECT_EQ(prototypes.of(torch::tensor({2, 7, 2}, torch::kInt64)).sizes(),
              (std::vector<std::int64_t>{3, 2}));
}

TEST(CodePrototypes, UpdateMovesOnlyTheDigitsOfTheBatchTowardsTheirMeans) {
    CodePrototypes prototypes = CodePrototypes::fromCodes(
        torch::tensor({{0.0f, 0.0f}, {10.0f, 10.0f}}), torch::tensor({1, 5}, torch::kInt64));
    const torch::Tensor codes = torch::tensor({{2.0f, 4.0f}, {4.0f, 0.0f}}, torch::requires_grad());
    prototypes.update(codes, torch::tensor({1, 1}, torch::kInt64));
    const double m = CodePrototypes::kMomentum;
    EXPECT_TRUE(torch::allclose(prototypes.of(torch::tensor({1}, torch::kInt64)),
                                torch::tensor({{static_cast<float>((1 - m) * 3.0),
                                                static_cast<float>((1 - m) * 2.0)}})));
    EXPECT_TRUE(torch::allclose(prototypes.of(torch::tensor({5}, torch::kInt64)),
                                torch::tensor({{10.0f, 10.0f}})));
    EXPECT_FALSE(prototypes.table().requires_grad());
}

}  // namespace
}  // namespace learn2add::train
