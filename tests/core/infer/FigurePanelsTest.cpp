#include "infer/FigurePanels.h"

#include <gtest/gtest.h>

#include "data/AdditionPairs.h"
#include "data/MnistData.h"

namespace learn2add::infer {
namespace {

TEST(PairExamples, ShowsPairsSpreadOverTheResultsInBandsOfInputsAboveExpectedOutputs) {
    const data::MnistData mnist = data::loadEmbeddedMnist(42);
    const data::AdditionPairSet pairs = data::buildAdditionPairs(mnist.train, 42);
    const PairExamples examples = pairExamples(mnist.train, pairs, 12, 10);
    ASSERT_EQ(examples.pairs.size(), 12u);
    ASSERT_EQ(examples.rows.size(), 4u);  // two bands: 10 pairs, then 2
    EXPECT_EQ(examples.rows[0].label, "input");
    EXPECT_EQ(examples.rows[1].label, "expected");
    EXPECT_EQ(examples.rows[0].panels.size(), 10u);
    EXPECT_EQ(examples.rows[2].panels.size(), 2u);
    for (std::size_t k = 0; k < examples.pairs.size(); ++k) {
        const data::AdditionPair& pair = examples.pairs[k];
        const int digit = mnist.train.labels[pair.input];
        const int sum = mnist.train.labels[pair.output];
        EXPECT_EQ(digit + pair.addend, sum);
        const auto& input = examples.rows[2 * (k / 10)].panels[k % 10];
        const auto& expected = examples.rows[2 * (k / 10) + 1].panels[k % 10];
        EXPECT_EQ(input.caption, std::to_string(digit) + " + " + std::to_string(pair.addend));
        EXPECT_EQ(expected.caption, "= " + std::to_string(sum));
        EXPECT_EQ(input.image.size(), 32u * 32u);
        EXPECT_EQ(expected.image.size(), 32u * 32u);
    }
    // Spread over the set (pairs are ordered by result): the first and the last differ in result.
    EXPECT_LT(mnist.train.labels[examples.pairs.front().output],
              mnist.train.labels[examples.pairs.back().output]);
    EXPECT_TRUE(pairExamples(mnist.train, data::AdditionPairSet{}, 5).rows.empty());
}

}  // namespace
}  // namespace learn2add::infer
