#pragma once
// `learn2add-cli export --run RUN --out DIR [--half]`: copies what opening a run needs
// (config.json, metrics.csv, best.pt) into DIR, optionally with float16 parameters. This is how
// the models the app ships (resources/pretrained/) are made from runs (packaging/train-pretrained.sh).

#include <CLI/CLI.hpp>

#include <string>

namespace learn2add::cli {

struct ExportCommandOptions {
    std::string run;
    std::string out;
    bool half = false;
    bool force = false;  // replace the run --out holds
};

CLI::App* addExportCommand(CLI::App& app, ExportCommandOptions& options);
int runExportCommand(const ExportCommandOptions& options);

}  // namespace learn2add::cli
