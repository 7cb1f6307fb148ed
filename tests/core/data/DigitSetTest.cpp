#include "data/DigitSet.h"

#include <gtest/gtest.h>

#include "core/data/IdxFixtures.h"
#include "data/DataError.h"

namespace learn2add::data {
namespace {

using testing::makeImages;
using testing::makeLabels;

TEST(DigitSet, PairsImagesWithLabels) {
    const DigitSet set = makeDigitSet(makeImages(4), makeLabels({3, 1, 3, 0}), "i", "l");
    EXPECT_EQ(set.size(), 4u);
    EXPECT_EQ(set.rows, 28);
    EXPECT_EQ(set.image(2)[0], 2);
    EXPECT_EQ(set.countPerClass()[3], 2u);
    EXPECT_EQ(set.indicesOf(3), (std::vector<std::size_t>{0, 2}));
}

TEST(DigitSet, RejectsMismatchedCounts) {
    try {
        makeDigitSet(makeImages(5), makeLabels({1, 2, 3}), "imgs", "labs");
        FAIL() << "expected a DataError";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "imgs holds 5 images but labs holds 3 labels; they must have the same count");
    }
}

TEST(DigitSet, RejectsLabelsThatAreNotDigits) {
    EXPECT_THROW(makeDigitSet(makeImages(2), makeLabels({1, 10}), "i", "l"), DataError);
}

TEST(DigitSet, RejectsSwappedFiles) {
    // A label file given where images are expected has one dimension, not three.
    EXPECT_THROW(makeDigitSet(makeLabels({1, 2}), makeImages(2), "i", "l"), DataError);
}

TEST(DigitSet, RejectsAnEmptySet) {
    EXPECT_THROW(makeDigitSet(makeImages(0), makeLabels({}), "i", "l"), DataError);
}

TEST(DigitSet, SubsetCopiesImagesInOrder) {
    const DigitSet set = makeDigitSet(makeImages(5), makeLabels({0, 1, 2, 3, 4}), "i", "l");
    const std::vector<std::size_t> picked = {4, 1};
    const DigitSet part = subset(set, picked);
    ASSERT_EQ(part.size(), 2u);
    EXPECT_EQ(part.labels, (std::vector<std::uint8_t>{4, 1}));
    EXPECT_EQ(part.image(0)[100], 4);
    EXPECT_EQ(part.image(1)[100], 1);
}

}  // namespace
}  // namespace learn2add::data
