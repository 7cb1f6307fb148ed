#pragma once
// `learn2add-cli report --runs DIR... --out DIR`: every figure and table of the assignment that
// the given runs can make, in a folder and a PDF (see ui/report/ReportWriter.h); figures whose runs
// are missing are listed with the command that trains them. Paints off-screen (no display needed).

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace learn2add::cli {

struct ReportCommandOptions {
    std::vector<std::string> runs;
    std::string out;
    bool testAccuracy = false;
};

CLI::App* addReportCommand(CLI::App& app, ReportCommandOptions& options);
int runReportCommand(const ReportCommandOptions& options);
// The report of these runs (run folders or folders of runs) into `out`, with its progress on
// stdout; 0, or 2 with the error on stderr. Also used by `assignment`.
int writeReportOf(const std::vector<std::filesystem::path>& runs, const std::filesystem::path& out,
                  bool measureTest);

}  // namespace learn2add::cli
