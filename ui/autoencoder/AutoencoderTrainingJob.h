#pragma once
// One queued autoencoder training run, as the GUI describes it: a name for legends and tables, the
// options (validated before the run is queued) and where it writes its run folder (nothing when
// empty). A plain value; safe to copy between threads.

#include <QDateTime>
#include <QString>
#include <filesystem>
#include <optional>

#include "track/RunFolder.h"
#include "train/AutoencoderTrainingOptions.h"

namespace learn2add::ui {

struct AutoencoderTrainingJob {
    QString name;
    train::AutoencoderTrainingOptions options;
    std::optional<std::filesystem::path> runFolder;
    track::RunFolderUse use = track::RunFolderUse::New;  // Resume: continue the run it holds
};

// "upsample · L2 · code 7": decoder, loss and code size, as runs are told apart in the GUI.
QString describeOptions(const train::AutoencoderTrainingOptions& options);

// "20250101-120000-upsample-l2-code7": the folder name of a run started at `start`.
QString runFolderName(const train::AutoencoderTrainingOptions& options, const QDateTime& start);

}  // namespace learn2add::ui
