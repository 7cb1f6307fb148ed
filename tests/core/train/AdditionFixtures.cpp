#include "core/train/AdditionFixtures.h"

#include <memory>
#include <stdexcept>

#include "core/data/IdxFixtures.h"
#include "core/train/SmallData.h"
#include "train/JudgeTrainer.h"

namespace learn2add::train::testing {

const TinyRuns& tinyRuns() {
    static const auto folder = std::make_unique<data::testing::TempFolder>();
    static const TinyRuns runs = [] {
        TinyRuns r{folder->path() / "judge"};
        TrainingControl control;
        const auto result =
            JudgeTrainer(JudgeTrainingOptions().epochs(2).batchSize(32).threads(2),
                         smallData(), r.judge)
                .run({}, control);
        if (result.status != TrainingResult::Status::Finished) throw std::runtime_error("tiny judge failed");
        return r;
    }();
    return runs;
}

}  // namespace learn2add::train::testing
