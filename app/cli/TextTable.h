#pragma once
// A plain-text table with right-aligned columns, for terminal summaries, and the number texts its
// cells use.

#include <ostream>
#include <string>
#include <vector>

namespace learn2add::cli {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) : rows_{std::move(header)} {}
    void addRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    // The first column is left-aligned, the others right-aligned; a rule follows the header.
    void print(std::ostream& out) const;

private:
    std::vector<std::vector<std::string>> rows_;
};

// "3.142" for (3.14159, 3); "95.4%" for a share of 0.954.
std::string fixedText(double value, int decimals);
std::string percentText(double share, int decimals = 1);

}  // namespace learn2add::cli
