#pragma once
// Cells of the addition table (input digit d, addend a, d + a <= 9) left out of the training pairs,
// to ask whether a model generalises to sums it never saw (`--hold-out 3+4,5+2`) or to addends it
// never saw (`--hold-out-addends 3..4`). The trainer leaves them out of the training pairs and of
// the validation pairs whose L2 picks best.pt; the judge's accuracy and the test split keep every
// cell, so that the held-out cells can be measured beside the seen ones.
//
//   HeldOutCells cells = parseHeldOutCells("3+4,5+2");
//   cells.add(heldOutAddends("3..4"));
//   checkEveryResultKeepsAPair(cells);              // throws: a result with no training pair
//   AdditionPairSet seen = withoutHeldOutCells(pairs, data.train, cells);
//
// Parsing throws std::invalid_argument with a message that names the bad part. Plain values.

#include <array>
#include <string>

#include "data/AdditionPairs.h"
#include "data/DigitSet.h"

namespace learn2add::data {

struct HeldOutCells {
    std::array<std::array<bool, kDigitClasses>, kDigitClasses> cell{};  // [digit][addend]

    bool empty() const { return count() == 0; }
    int count() const;
    bool contains(int digit, int addend) const;
    void add(const HeldOutCells& other);
    // "3+4,5+2", by digit then addend; "" when empty. parseHeldOutCells() reads it back.
    std::string toString() const;
};

// "3+4,5+2" (spaces allowed; empty: none). Refuses unknown digits and addends, and sums over 9.
HeldOutCells parseHeldOutCells(const std::string& spec);
// "3..4" or "3": every cell with such an addend (0..9).
HeldOutCells heldOutAddends(const std::string& spec);
// Both in one list, as the window's field takes them: "3+4, 5+2, 8..9" (an item with a + is a
// cell, one without an addend or a range of addends).
HeldOutCells parseHoldOutList(const std::string& spec);
// Throws when every cell of some result digit is held out: the model would never see that digit
// as an expected image.
void checkEveryResultKeepsAPair(const HeldOutCells& cells);

// The pairs whose (input digit, addend) is not held out; `set` is the split they were built from.
AdditionPairSet withoutHeldOutCells(const AdditionPairSet& pairs, const DigitSet& set,
                                    const HeldOutCells& cells);

}  // namespace learn2add::data
