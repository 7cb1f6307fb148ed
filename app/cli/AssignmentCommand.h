#pragma once
// `learn2add-cli assignment --out DIR`: every training of Parts II-IV at the assignment's settings
// (train/AssignmentPlan.h), one after another into DIR/runs/<name>, then the report into
// DIR/report. It first prints the plan with each run's state and an estimated time from a short
// calibration on this machine; a second start skips finished runs and resumes interrupted ones
// (Ctrl+C, SIGKILL, a reboot). One process at a time works in DIR (a lock naming its PID).
//
// Exit: 0 when every run is done and the report written; 130 / 143 after Ctrl+C / SIGTERM (start
// it again to continue); 1 when a run failed (the others are trained, the report written); 2 for
// an error (bad option, DIR taken by another process).

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace learn2add::cli {

struct AssignmentCommandOptions {
    std::string out;
    int epochs = 100;
    int maxBatches = 0;
    std::string precision = "auto";
    std::optional<std::string> dataFolder;
    bool planOnly = false;
    bool estimate = true;
};

CLI::App* addAssignmentCommand(CLI::App& app, AssignmentCommandOptions& options);
int runAssignmentCommand(const AssignmentCommandOptions& options, int threads);

}  // namespace learn2add::cli
