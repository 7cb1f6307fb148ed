#pragma once
// The value types that the autoencoder training's signals carry across threads, declared to Qt's
// meta-type system. Call registerAutoencoderMetaTypes() before the first queued connection that
// carries them (AutoencoderTrainingRunner does it in its constructor); idempotent and thread-safe.

#include <QMetaType>

#include "autoencoder/AutoencoderTrainingJob.h"
#include "train/TrainingReports.h"

Q_DECLARE_METATYPE(learn2add::train::BatchReport)
Q_DECLARE_METATYPE(learn2add::train::EpochReport)
Q_DECLARE_METATYPE(learn2add::train::TrainingResult)
Q_DECLARE_METATYPE(learn2add::ui::AutoencoderTrainingJob)

namespace learn2add::ui {

void registerAutoencoderMetaTypes();

}  // namespace learn2add::ui
