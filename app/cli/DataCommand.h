#pragma once
// `learn2add-cli data`: what the data holds, split by split, and the addition pairs built from it.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace learn2add::cli {

struct DataCommandOptions {
    std::optional<std::string> dataFolder;      // --data; the embedded subset when empty
    std::uint64_t seed = 42;                    // --seed
    std::optional<std::string> samplesFolder;   // --export-samples
    int sampleCount = 12;                       // --samples
};

// Registers the subcommand and its options; the options live in `options`.
CLI::App* addDataCommand(CLI::App& app, DataCommandOptions& options);

// Loads the data, prints the summary to stdout, writes the samples if asked. Returns the exit code;
// errors go to stderr in words.
int runDataCommand(const DataCommandOptions& options);

}  // namespace learn2add::cli
