#pragma once
// The value types that training signals carry across threads, declared to Qt's meta-type system.
// Call registerTrainingMetaTypes() before the first queued connection that carries them
// (TrainingSession does it in its constructor); it is idempotent and thread-safe.

#include <QMetaType>

#include "train/TrainingReports.h"
#include "training/TrainingJob.h"

Q_DECLARE_METATYPE(learn2add::train::BatchReport)
Q_DECLARE_METATYPE(learn2add::train::EpochReport)
Q_DECLARE_METATYPE(learn2add::train::TrainingResult)
Q_DECLARE_METATYPE(learn2add::ui::TrainingJob)

namespace learn2add::ui {

void registerTrainingMetaTypes();

}  // namespace learn2add::ui
