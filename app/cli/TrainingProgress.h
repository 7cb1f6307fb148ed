#pragma once
// What every `learn2add-cli train ...` command shares: Ctrl+C (SIGINT) and SIGTERM (what a
// scheduler or a logout sends) stop a training cleanly at the next batch, and a progress bar is
// redrawn in place on a terminal.
//
//   train::TrainingControl control;
//   InterruptScope interrupt(control);   // SIGINT/SIGTERM -> control.requestCancel() until
//   destroyed callbacks.onBatch = drawProgress;    // only when stdout is a terminal (isTerminal())
//   return interrupt.exitCode(result.status);   // 130 / 143 after a signal, 3 when diverged, else
//   0

#include <string>

#include "train/TrainingControl.h"
#include "train/TrainingReports.h"

namespace learn2add::cli {

class InterruptScope {
public:
    explicit InterruptScope(train::TrainingControl& control);
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;

    // The signal that stopped the training, or 0.
    int signal() const;
    // The shell's convention: 128 + the signal when one stopped the run (the run folder is valid),
    // 3 for a diverged run, 0 otherwise.
    int exitCode(train::TrainingResult::Status status) const;
};

bool isTerminal();
void drawProgress(const train::BatchReport& report);
void clearProgressLine();  // on a terminal: erase the bar before printing a line
std::string duration(double seconds);  // "1m05s"

}  // namespace learn2add::cli
