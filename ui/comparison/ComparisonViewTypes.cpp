#include "comparison/ComparisonViewTypes.h"

namespace learn2add::ui {

void registerComparisonMetaTypes() {
    static const bool registered = [] {
        registerAdditionMetaTypes();
        qRegisterMetaType<ComparisonRunInfo>();
        qRegisterMetaType<ComparisonView>();
        qRegisterMetaType<ComparisonStudy>();
        qRegisterMetaType<LatentCodes>();
        qRegisterMetaType<ModelGrid>();
        qRegisterMetaType<ModelAccuracy>();
        return true;
    }();
    (void)registered;
}

}  // namespace learn2add::ui
