#include "common/SeededShuffle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "common/TorchRuntime.h"

namespace learn2add {
namespace {

TEST(SeededShuffle, IsAPermutationFixedBySeed) {
    std::vector<int> a(100), b(100);
    std::iota(a.begin(), a.end(), 0);
    b = a;
    SeededShuffle(9).shuffle(a);
    SeededShuffle(9).shuffle(b);
    EXPECT_EQ(a, b);
    std::vector<int> sorted = a;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted.front(), 0);
    EXPECT_EQ(sorted.back(), 99);
    EXPECT_TRUE(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
}

TEST(SeededShuffle, KnownSequenceForSeedZero) {
    // std::mt19937_64's output is fixed by the standard, so this order must never change: a change
    // would silently change every split and every addition data set.
    std::vector<int> v = {0, 1, 2, 3, 4, 5, 6, 7};
    SeededShuffle(0).shuffle(v);
    EXPECT_EQ(v, (std::vector<int>{4, 5, 2, 0, 7, 1, 3, 6}));
}

TEST(SeededShuffle, BelowStaysInRange) {
    SeededShuffle random(3);
    for (int i = 0; i < 1000; ++i) EXPECT_LT(random.below(7), 7u);
}

TEST(TorchRuntime, SetsTheRequestedThreadCount) {
    const TorchThreadSettings settings = configureTorchThreads(2);
    EXPECT_EQ(settings.intraOpThreads, 2);
    EXPECT_FALSE(settings.blasName.empty());
}

}  // namespace
}  // namespace learn2add
