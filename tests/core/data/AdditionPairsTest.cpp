#include "data/AdditionPairs.h"

#include <gtest/gtest.h>

#include <set>

#include "core/data/IdxFixtures.h"

namespace learn2add::data {
namespace {

// A set with the given number of images of each digit (digit-major order).
DigitSet setWithCounts(const std::array<int, 10>& counts) {
    std::vector<std::uint8_t> labels;
    for (int d = 0; d < 10; ++d) labels.insert(labels.end(), static_cast<std::size_t>(counts[d]), d);
    return makeDigitSet(testing::makeImages(labels.size(), 4, 4), testing::makeLabels(labels), "i", "l");
}

TEST(AdditionPairs, CountsMatchTheHandComputedTable) {
    // count[n][a] = min(#images of n - a, #images of n), as transform_data_add truncates.
    const DigitSet set = setWithCounts({2, 3, 1, 4, 2, 1, 3, 2, 1, 2});
    const AdditionPairSet pairs = buildAdditionPairs(set, 7);
    const std::array<std::vector<std::size_t>, 10> expected = {{
        {2},
        {3, 2},
        {1, 1, 1},
        {4, 1, 3, 2},
        {2, 2, 1, 2, 2},
        {1, 1, 1, 1, 1, 1},
        {3, 1, 2, 3, 1, 3, 2},
        {2, 2, 1, 2, 2, 1, 2, 2},
        {1, 1, 1, 1, 1, 1, 1, 1, 1},
        {2, 1, 2, 2, 1, 2, 2, 1, 2, 2},
    }};
    for (int n = 0; n < 10; ++n) {
        for (int a = 0; a < 10; ++a) {
            const std::size_t want = a <= n ? expected[n][a] : 0;
            EXPECT_EQ(pairs.countByResultAndAddend[n][a], want) << "result " << n << " addend " << a;
        }
    }
    EXPECT_EQ(pairs.countPerResult(), (DigitCounts{2, 5, 3, 10, 9, 6, 15, 14, 9, 17}));
    EXPECT_EQ(pairs.countPerAddend(), (DigitCounts{21, 12, 12, 13, 8, 8, 7, 4, 3, 2}));
    EXPECT_EQ(pairs.size(), 90u);
    EXPECT_DOUBLE_EQ(pairs.resultImbalance(), 17.0 / 2.0);
}

TEST(AdditionPairs, EveryPairAddsUp) {
    const DigitSet set = setWithCounts({5, 6, 7, 5, 4, 6, 5, 5, 6, 4});
    for (const AdditionPair& pair : buildAdditionPairs(set, 1).pairs) {
        EXPECT_EQ(set.labels[pair.input] + pair.addend, set.labels[pair.output]);
        EXPECT_LE(set.labels[pair.output], 9);
    }
}

TEST(AdditionPairs, InputsAreTheFirstImagesOfTheDigitInOrder) {
    const DigitSet set = setWithCounts({4, 2, 3, 3, 3, 3, 3, 3, 3, 3});
    const AdditionPairSet pairs = buildAdditionPairs(set, 1);
    // Result 1: first 1 + 0 (two pairs: digit 1 has 2 images), then 0 + 1 (min(4, 2) = 2 pairs).
    // Pairs are ordered by result, then input digit; result 0 contributes 4 pairs first.
    ASSERT_GE(pairs.size(), 8u);
    EXPECT_EQ(pairs.pairs[4].input, 0u);  // first image of 0, for 0 + 1
    EXPECT_EQ(pairs.pairs[5].input, 1u);
    EXPECT_EQ(pairs.pairs[4].output, 4u);  // first image of 1, in order (addend 1: no shuffle)
    EXPECT_EQ(pairs.pairs[5].output, 5u);
}

TEST(AdditionPairs, AddendZeroPairsDifferentImagesOfTheSameDigit) {
    const DigitSet set = setWithCounts({20, 20, 20, 20, 20, 20, 20, 20, 20, 20});
    const AdditionPairSet pairs = buildAdditionPairs(set, 3);
    std::array<std::set<std::size_t>, 10> outputsOfDigit;
    for (const AdditionPair& pair : pairs.pairs) {
        if (pair.addend != 0) continue;
        EXPECT_NE(pair.input, pair.output);
        EXPECT_EQ(set.labels[pair.input], set.labels[pair.output]);
        outputsOfDigit[set.labels[pair.output]].insert(pair.output);
    }
    // A permutation: every image of the digit is used once as an output.
    for (const auto& outputs : outputsOfDigit) EXPECT_EQ(outputs.size(), 20u);
}

TEST(AdditionPairs, ShuffleIsSeeded) {
    const DigitSet set = setWithCounts({9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
    const auto outputs = [&](std::uint64_t seed) {
        std::vector<std::size_t> out;
        for (const auto& p : buildAdditionPairs(set, seed).pairs) out.push_back(p.output);
        return out;
    };
    EXPECT_EQ(outputs(11), outputs(11));
    EXPECT_NE(outputs(11), outputs(12));
}

}  // namespace
}  // namespace learn2add::data
