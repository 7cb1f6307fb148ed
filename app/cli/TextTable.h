#pragma once
// A plain-text table with right-aligned columns, for terminal summaries.

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

}  // namespace learn2add::cli
