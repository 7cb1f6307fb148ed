#pragma once
// `learn2add-cli train autoencoder ...`: trains one model into a run folder, with a progress bar on
// a terminal (plain lines otherwise) and a final summary. Ctrl+C stops after the current batch and
// keeps the checkpoints; `--resume DIR` continues the run (cli/RunFolderOptions.h).

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "cli/RunFolderOptions.h"

namespace learn2add::cli {

struct TrainCommandOptions {
    std::string decoder = "upsample";
    std::string loss = "l2";
    std::int64_t codeSize = 7;
    int epochs = 100;
    int batchSize = 128;
    double learningRate = 1e-3;
    std::uint64_t seed = 42;
    std::uint64_t splitSeed = 42;
    int maxBatches = 0;
    int patience = 0;
    std::string precision = "auto";
    std::optional<std::string> dataFolder;
    RunFolderOptions folder;
};

// Registers `train` with its `autoencoder` subcommand; `threads` is the global --threads value.
CLI::App* addTrainCommand(CLI::App& app, TrainCommandOptions& options);
// `command` is the subcommand addTrainCommand returned (a resumed run's settings are set on it).
int runTrainAutoencoder(CLI::App& command, const TrainCommandOptions& options, int threads);

}  // namespace learn2add::cli
