#include "training/TrainingMetaTypes.h"

namespace learn2add::ui {

void registerTrainingMetaTypes() {
    static const bool registered = [] {
        qRegisterMetaType<train::BatchReport>();
        qRegisterMetaType<train::EpochReport>();
        qRegisterMetaType<train::TrainingResult>();
        qRegisterMetaType<TrainingJob>();
        return true;
    }();
    (void)registered;
}

}  // namespace learn2add::ui
