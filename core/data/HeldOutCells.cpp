#include "data/HeldOutCells.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace learn2add::data {
namespace {

std::string trimmed(const std::string& text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    return text.substr(begin, end - begin);
}

// A whole number 0..9 written alone, or throws naming `what` and `part`.
int digitOf(const std::string& text, const char* what, const std::string& part) {
    const std::string t = trimmed(text);
    if (t.size() != 1 || !std::isdigit(static_cast<unsigned char>(t[0]))) {
        throw std::invalid_argument("'" + part + "': the " + what + " must be a digit 0-9, got '" + t + "'");
    }
    return t[0] - '0';
}

// Calls `use` with each trimmed, non-empty item of a comma-separated list.
template <typename Use>
void forEachItem(const std::string& list, Use&& use) {
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string item = trimmed(list.substr(start, comma - start));
        start = comma + 1;
        if (!item.empty()) use(item);
    }
}

}  // namespace

int HeldOutCells::count() const {
    int n = 0;
    for (const auto& row : cell) {
        for (bool held : row) n += held;
    }
    return n;
}

bool HeldOutCells::contains(int digit, int addend) const {
    if (digit < 0 || digit >= kDigitClasses || addend < 0 || addend >= kDigitClasses) return false;
    return cell[static_cast<std::size_t>(digit)][static_cast<std::size_t>(addend)];
}

void HeldOutCells::add(const HeldOutCells& other) {
    for (std::size_t d = 0; d < cell.size(); ++d) {
        for (std::size_t a = 0; a < cell[d].size(); ++a) cell[d][a] = cell[d][a] || other.cell[d][a];
    }
}

std::string HeldOutCells::toString() const {
    std::string text;
    for (int d = 0; d < kDigitClasses; ++d) {
        for (int a = 0; a < kDigitClasses; ++a) {
            if (!contains(d, a)) continue;
            if (!text.empty()) text += ",";
            text += std::to_string(d) + "+" + std::to_string(a);
        }
    }
    return text;
}

HeldOutCells parseHeldOutCells(const std::string& spec) {
    HeldOutCells cells;
    forEachItem(spec, [&](const std::string& part) {
        const std::size_t plus = part.find('+');
        if (plus == std::string::npos) {
            throw std::invalid_argument("'" + part + "': a held-out cell is written digit+addend, e.g. 3+4");
        }
        const int digit = digitOf(part.substr(0, plus), "digit", part);
        const int addend = digitOf(part.substr(plus + 1), "addend", part);
        if (digit + addend > 9) {
            throw std::invalid_argument("'" + part + "' is no cell of the addition table: the sum " +
                                        std::to_string(digit + addend) + " is over 9");
        }
        cells.cell[static_cast<std::size_t>(digit)][static_cast<std::size_t>(addend)] = true;
    });
    return cells;
}

HeldOutCells heldOutAddends(const std::string& spec) {
    const std::string text = trimmed(spec);
    HeldOutCells cells;
    if (text.empty()) return cells;
    const std::size_t dots = text.find("..");
    const int first = digitOf(dots == std::string::npos ? text : text.substr(0, dots), "first addend", text);
    const int last = dots == std::string::npos ? first : digitOf(text.substr(dots + 2), "last addend", text);
    if (last < first) {
        throw std::invalid_argument("'" + text + "': the addend range runs from the smaller to the larger, e.g. 3..4");
    }
    for (int a = first; a <= last; ++a) {
        for (int d = 0; d + a <= 9; ++d) cells.cell[static_cast<std::size_t>(d)][static_cast<std::size_t>(a)] = true;
    }
    return cells;
}

HeldOutCells parseHoldOutList(const std::string& spec) {
    HeldOutCells cells;
    forEachItem(spec, [&](const std::string& item) {
        cells.add(item.find('+') != std::string::npos ? parseHeldOutCells(item) : heldOutAddends(item));
    });
    return cells;
}

void checkEveryResultKeepsAPair(const HeldOutCells& cells) {
    for (int result = 0; result < kDigitClasses; ++result) {
        bool kept = false;
        for (int d = 0; d <= result; ++d) kept = kept || !cells.contains(d, result - d);
        if (!kept) {
            throw std::invalid_argument("the held-out cells remove every training pair whose sum is " +
                                        std::to_string(result) + "; keep at least one of its cells");
        }
    }
}

AdditionPairSet withoutHeldOutCells(const AdditionPairSet& pairs, const DigitSet& set,
                                    const HeldOutCells& cells) {
    if (cells.empty()) return pairs;
    AdditionPairSet kept;
    for (const AdditionPair& pair : pairs.pairs) {
        const int digit = set.labels.at(pair.input);
        if (cells.contains(digit, pair.addend)) continue;
        kept.pairs.push_back(pair);
        ++kept.countByResultAndAddend[static_cast<std::size_t>(digit + pair.addend)]
                                     [static_cast<std::size_t>(pair.addend)];
    }
    return kept;
}

}  // namespace learn2add::data
