#include "data/StratifiedSplit.h"

#include <gtest/gtest.h>

#include <set>

#include "core/data/IdxFixtures.h"

namespace learn2add::data {
namespace {

std::array<std::size_t, 10> classCounts(const std::vector<std::uint8_t>& labels,
                                        const std::vector<std::size_t>& indices) {
    std::array<std::size_t, 10> counts{};
    for (const std::size_t i : indices) ++counts[labels[i]];
    return counts;
}

TEST(StratifiedSplit, SizesFollowTheFractionsPerClass) {
    std::vector<std::uint8_t> labels = testing::balancedLabels(100);
    for (int k = 0; k < 30; ++k) labels.push_back(7);  // 130 sevens
    const SplitIndices split = stratifiedSplit(labels, 0.1, 0.1, 1);
    EXPECT_EQ(split.train.size() + split.validation.size() + split.test.size(), labels.size());
    const auto validation = classCounts(labels, split.validation);
    const auto test = classCounts(labels, split.test);
    for (int d = 0; d < 10; ++d) {
        EXPECT_EQ(validation[d], d == 7 ? 13u : 10u) << "digit " << d;
        EXPECT_EQ(test[d], d == 7 ? 13u : 10u) << "digit " << d;
    }
}

TEST(StratifiedSplit, SplitsAreDisjointAndCoverEverything) {
    const auto labels = testing::balancedLabels(37);
    const SplitIndices split = stratifiedSplit(labels, 0.1, 0.1, 5);
    std::set<std::size_t> all;
    for (const auto* part : {&split.train, &split.validation, &split.test}) {
        EXPECT_TRUE(std::is_sorted(part->begin(), part->end()));
        all.insert(part->begin(), part->end());
    }
    EXPECT_EQ(all.size(), labels.size());
}

TEST(StratifiedSplit, SameSeedSameSplitOtherSeedOtherSplit) {
    const auto labels = testing::balancedLabels(50);
    const SplitIndices a = stratifiedSplit(labels, 0.1, 0.1, 42);
    const SplitIndices b = stratifiedSplit(labels, 0.1, 0.1, 42);
    const SplitIndices c = stratifiedSplit(labels, 0.1, 0.1, 43);
    EXPECT_EQ(a.train, b.train);
    EXPECT_EQ(a.validation, b.validation);
    EXPECT_EQ(a.test, b.test);
    EXPECT_NE(a.validation, c.validation);
}

TEST(StratifiedSplit, HoldOutWithoutTestSplit) {
    const auto labels = testing::balancedLabels(20);
    const SplitIndices split = stratifiedSplit(labels, 0.1, 0.0, 3);
    EXPECT_TRUE(split.test.empty());
    EXPECT_EQ(split.validation.size(), 20u);
    EXPECT_EQ(split.train.size(), 180u);
}

TEST(StratifiedSplit, RejectsFractionsThatLeaveNoTraining) {
    const auto labels = testing::balancedLabels(2);
    EXPECT_THROW(stratifiedSplit(labels, 0.5, 0.5, 1), std::invalid_argument);
    EXPECT_THROW(stratifiedSplit(labels, -0.1, 0.1, 1), std::invalid_argument);
}

}  // namespace
}  // namespace learn2add::data
