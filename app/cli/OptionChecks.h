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

// --precision: auto (bf16 where the CPU computes it natively, else fp32), fp32 or bf16; a resumed
// run keeps its own (config.json's "precision").
inline CLI::Option* addPrecisionOption(CLI::App* command, std::string& precision) {
    return command
        ->add_option("--precision", precision,
                     "Number format of the training step: auto (bf16 where the CPU has AVX-512 "
                     "BF16 or AMX), fp32 or bf16; weights, optimizer state and metrics stay fp32")
        ->check(CLI::IsMember({"auto", "fp32", "bf16"}))
        ->capture_default_str();
}

}  // namespace learn2add::cli
