#pragma once
// `learn2add-cli train judge ...` and `learn2add-cli train addition|vae-addition|vae-genp-addition
// ...` (assignment Parts III and IV):
// progress bar on a terminal, a line per epoch, a final summary; Ctrl+C stops after the current
// batch and keeps the checkpoints; `--resume DIR` continues the run (cli/RunFolderOptions.h).

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "cli/RunFolderOptions.h"
#include "models/AdditionVariant.h"

namespace learn2add::cli {

struct TrainJudgeCommandOptions {
    std::string precision = "auto";
    int epochs = 8;
    int batchSize = 128;
    double learningRate = 1e-3;
    std::uint64_t seed = 42;
    std::uint64_t splitSeed = 42;
    int maxBatches = 0;
    std::optional<std::string> dataFolder;
    RunFolderOptions folder;
};

struct TrainAdditionCommandOptions {
    models::AdditionVariant variant = models::AdditionVariant::Autoencoder;
    std::string precision = "auto";
    std::optional<double> klWeight;  // unset: the recipe's (train::recipeDefaults)
    std::string decoder = "upsample";
    std::int64_t codeSize = 7;
    std::string recipe = "guided";
    double reconstructionWeight = 0.1;
    double codeWeight = 1.0;
    std::optional<double> digitWeight;       // unset: the recipe's; > 0 uses the digit labels
    std::optional<std::string> lrSchedule;   // unset: the recipe's
    std::optional<std::string> codeTarget;   // unset: the recipe's; "prototype" uses the labels
    int epochs = 100;
    int batchSize = 128;
    double learningRate = 1e-3;
    std::uint64_t seed = 42;
    std::uint64_t splitSeed = 42;
    int maxBatches = 0;
    int patience = 0;
    int autoencoderWarmup = 3;
    int adderWarmup = 300;
    std::string holdOut;          // "3+4,5+2": cells left out of the training pairs
    std::string holdOutAddends;   // "3..4": every cell with these addends left out
    std::optional<std::string> init;
    std::optional<std::string> judge;
    std::optional<std::string> dataFolder;
    RunFolderOptions folder;
};

// Both register under the existing `train` subcommand.
CLI::App* addTrainJudgeCommand(CLI::App& train, TrainJudgeCommandOptions& options);
// Registers `train <toString(variant)>`.
CLI::App* addTrainAdditionCommand(CLI::App& train, TrainAdditionCommandOptions& options,
                                  models::AdditionVariant variant);
// `command`: the subcommand registered above (a resumed run's settings are set on it).
int runTrainJudge(CLI::App& command, const TrainJudgeCommandOptions& options, int threads);
int runTrainAddition(CLI::App& command, const TrainAdditionCommandOptions& options, int threads);

}  // namespace learn2add::cli
