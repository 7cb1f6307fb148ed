#pragma once
// `learn2add-cli reconstruct --run RUN --out FILE.png`: the input-vs-reconstruction figure of the
// 5 fixed validation digits, from the run's best checkpoint.

#include <CLI/CLI.hpp>

#include <string>

namespace learn2add::cli {

struct ReconstructCommandOptions {
    std::string run;
    std::string out;
};

CLI::App* addReconstructCommand(CLI::App& app, ReconstructCommandOptions& options);
int runReconstructCommand(const ReconstructCommandOptions& options);

}  // namespace learn2add::cli
