#include "cli/TextTable.h"

#include <cstdio>

#include <algorithm>
#include <iomanip>

namespace learn2add::cli {

void TextTable::print(std::ostream& out) const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
    }
    std::size_t total = 0;
    for (const std::size_t w : widths) total += w + 2;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        for (std::size_t c = 0; c < rows_[r].size(); ++c) {
            out << (c == 0 ? std::left : std::right) << std::setw(static_cast<int>(widths[c]))
                << rows_[r][c] << (c + 1 < rows_[r].size() ? "  " : "");
        }
        out << '\n';
        if (r == 0) out << std::string(total > 2 ? total - 2 : 0, '-') << '\n';
    }
    out << std::right;
}

std::string fixedText(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string percentText(double share, int decimals) {
    return fixedText(100.0 * share, decimals) + "%";
}

}  // namespace learn2add::cli
