#include "train/TrainingReports.h"

namespace learn2add::train {

const char* toString(TrainingResult::Status status) {
    switch (status) {
        case TrainingResult::Status::Finished: return "finished";
        case TrainingResult::Status::Cancelled: return "cancelled";
        case TrainingResult::Status::EarlyStopped: return "stopped early";
        case TrainingResult::Status::Diverged: return "diverged";
    }
    return "unknown";
}

}  // namespace learn2add::train
