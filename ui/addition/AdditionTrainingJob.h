#pragma once
// One addition training (ASSIGNMENT.md Part III) as the Addition page starts it: a name for the
// progress line, the validated options and the run folder it writes (nothing when empty). A plain
// value; safe to copy between threads.

#include <QString>
#include <filesystem>
#include <optional>

#include "track/RunFolder.h"
#include "train/AdditionTrainingOptions.h"

namespace learn2add::ui {

struct AdditionTrainingJob {
    QString name;  // e.g. "upsample · guided · code 7"
    train::AdditionTrainingOptions options;
    std::optional<std::filesystem::path> runFolder;
    track::RunFolderUse use = track::RunFolderUse::New;  // Resume: continue the run it holds
};

QString describeAdditionOptions(const train::AdditionTrainingOptions& options);

}  // namespace learn2add::ui
