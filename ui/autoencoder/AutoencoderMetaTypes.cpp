#include "autoencoder/AutoencoderMetaTypes.h"

namespace learn2add::ui {

void registerAutoencoderMetaTypes() {
    static const bool registered = [] {
        qRegisterMetaType<train::BatchReport>();
        qRegisterMetaType<train::EpochReport>();
        qRegisterMetaType<train::TrainingResult>();
        qRegisterMetaType<AutoencoderTrainingJob>();
        return true;
    }();
    (void)registered;
}

}  // namespace learn2add::ui
