#pragma once
// The run folder of the train commands: `--out DIR` (a new run), `--resume DIR` (continue the run
// it holds, after its last.pt) or `--out DIR --force` (replace the run it holds), with the
// ownership rules of track/RunFolder.h. A resumed run keeps its settings: every option not given
// on the command line takes the run's value from its config.json; a given one that differs is
// refused by the training loop, naming the setting (train/TrainingLoop.h).

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "track/RunFolder.h"

namespace learn2add::cli {

struct RunFolderOptions {
    std::string out;
    std::string resume;
    bool force = false;

    std::filesystem::path folder() const { return resume.empty() ? out : resume; }
    track::RunFolderUse use() const;
};

// Registers --out, --resume and --force on a train command.
void addRunFolderOptions(CLI::App* command, RunFolderOptions& options);

// An option of a train command and where its value sits in config.json (a JSON pointer).
struct SettingOfRun {
    const char* flag;     // "--decoder"
    const char* pointer;  // "/decoder", "/data/split_seed"
    // The value of runs whose config.json predates the setting (for "/precision":
    // kPrecisionOfUnrecordedRuns); null: such runs leave the option as given.
    const char* whenMissing = nullptr;
};

// Throws std::invalid_argument when neither --out nor --resume was given. With --resume, sets every
// listed option not given on the command line to the run's value (CLI11 validates it as if typed);
// throws track::TrackError when the run's config.json cannot be read.
void applyRunFolderOptions(CLI::App& command, const RunFolderOptions& options,
                           const std::vector<SettingOfRun>& settings);

}  // namespace learn2add::cli
