#pragma once
// Checks of command-line values shared by several commands; their messages name the value.

#include <CLI/CLI.hpp>
#include <string>

namespace learn2add::cli {

// Seeds, indices and counts: 0, 1, 2, ... ("-1" is refused, not wrapped to 2^64 - 1).
inline const CLI::Validator kWholeNumber(
    [](std::string& text) -> std::string {
        const bool digitsOnly =
            !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        return digitsOnly ? std::string() : "must be a whole number 0, 1, 2, ..., got '" + text + "'";
    },
    "NONNEGATIVE");

}  // namespace learn2add::cli
