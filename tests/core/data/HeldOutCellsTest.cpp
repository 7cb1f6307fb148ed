#include "data/HeldOutCells.h"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>

#include "core/data/IdxFixtures.h"

namespace learn2add::data {
namespace {

std::string refusal(const std::function<void()>& parse) {
    try {
        parse();
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "";
}

TEST(HeldOutCells, ReadsCellsAndAddendRangesAndWritesThemBack) {
    const HeldOutCells cells = parseHeldOutCells(" 3+4, 5+2 ,");
    EXPECT_EQ(cells.count(), 2);
    EXPECT_TRUE(cells.contains(3, 4));
    EXPECT_TRUE(cells.contains(5, 2));
    EXPECT_FALSE(cells.contains(4, 3));
    EXPECT_EQ(cells.toString(), "3+4,5+2");
    EXPECT_EQ(parseHeldOutCells(cells.toString()).cell, cells.cell);
    EXPECT_TRUE(parseHeldOutCells("").empty());

    // Addends 3..4 with every digit: 7 + 6 cells.
    HeldOutCells range = heldOutAddends("3..4");
    EXPECT_EQ(range.count(), 13);
    EXPECT_TRUE(range.contains(6, 3));
    EXPECT_FALSE(range.contains(6, 4));  // 6 + 4 is no cell
    EXPECT_EQ(heldOutAddends("9").toString(), "0+9");
    range.add(cells);
    EXPECT_EQ(range.count(), 14);  // 3+4 was in the range already
    EXPECT_EQ(parseHoldOutList("3+4, 5+2, 3..4").cell, range.cell);
    EXPECT_TRUE(parseHoldOutList(" ").empty());
}

TEST(HeldOutCells, RefusesWhatIsNoCellOfTheTableInWords) {
    EXPECT_NE(refusal([] { parseHeldOutCells("3+7"); }).find("the sum 10 is over 9"), std::string::npos);
    EXPECT_NE(refusal([] { parseHeldOutCells("12+1"); }).find("the digit must be a digit 0-9"), std::string::npos);
    EXPECT_NE(refusal([] { parseHeldOutCells("3-4"); }).find("digit+addend"), std::string::npos);
    EXPECT_NE(refusal([] { parseHeldOutCells("a+1"); }).find("'a+1'"), std::string::npos);
    EXPECT_NE(refusal([] { heldOutAddends("4..3"); }).find("from the smaller"), std::string::npos);
    EXPECT_NE(refusal([] { heldOutAddends("x"); }).find("first addend"), std::string::npos);
}

TEST(HeldOutCells, RefusesAHoldOutThatRemovesEveryPairOfAResult) {
    EXPECT_NE(refusal([] { checkEveryResultKeepsAPair(parseHeldOutCells("0+0")); }).find("sum is 0"),
              std::string::npos);
    EXPECT_NE(refusal([] { checkEveryResultKeepsAPair(parseHeldOutCells("0+1,1+0")); }).find("sum is 1"),
              std::string::npos);
    EXPECT_EQ(refusal([] { checkEveryResultKeepsAPair(parseHeldOutCells("0+1")); }), "");
    EXPECT_EQ(refusal([] { checkEveryResultKeepsAPair(heldOutAddends("3..4")); }), "");
}

TEST(HeldOutCells, LeavesExactlyTheHeldOutPairsOutOfASplit) {
    std::vector<std::uint8_t> labels;
    for (int d = 0; d < 10; ++d) labels.insert(labels.end(), 3, static_cast<std::uint8_t>(d));
    const DigitSet set = makeDigitSet(testing::makeImages(labels.size(), 4, 4), testing::makeLabels(labels), "i", "l");
    const AdditionPairSet all = buildAdditionPairs(set, 7);
    const HeldOutCells cells = parseHeldOutCells("3+4,5+2");
    const AdditionPairSet kept = withoutHeldOutCells(all, set, cells);
    EXPECT_EQ(kept.size(), all.size() - 2 * 3);  // three pairs per cell
    for (const AdditionPair& pair : kept.pairs) {
        EXPECT_FALSE(cells.contains(set.labels[pair.input], pair.addend));
    }
    EXPECT_EQ(kept.countByResultAndAddend[7][4], 0u);  // 3 + 4
    EXPECT_EQ(kept.countByResultAndAddend[7][2], 0u);  // 5 + 2
    EXPECT_EQ(kept.countByResultAndAddend[7][3], 3u);  // 4 + 3, seen
    EXPECT_EQ(withoutHeldOutCells(all, set, {}).size(), all.size());
}

}  // namespace
}  // namespace learn2add::data
