#pragma once
// What every `learn2add-cli train ...` command shares: Ctrl+C that stops a training cleanly, and a
// progress bar redrawn in place on a terminal.
//
//   train::TrainingControl control;
//   InterruptScope interrupt(control);   // Ctrl+C -> control.requestCancel() until destroyed
//   callbacks.onBatch = drawProgress;    // only when stdout is a terminal (isTerminal())

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
};

bool isTerminal();
void drawProgress(const train::BatchReport& report);
void clearProgressLine();  // on a terminal: erase the bar before printing a line
std::string duration(double seconds);  // "1m05s"

}  // namespace learn2add::cli
