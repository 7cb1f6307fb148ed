#include "core/train/AdditionFixtures.h"

#include <filesystem>
#include <stdexcept>

#include <gtest/gtest.h>

#include "common/SharedRuns.h"
#include "core/train/SmallData.h"
#include "train/JudgeTrainer.h"

namespace learn2add::train::testing {

const TinyRuns& tinyRuns() {
    static const TinyRuns runs = [] {
        const auto folder = learn2add::testing::sharedRunFolder(
            "tiny-judge", [](const std::filesystem::path& made) {
                TrainingControl control;
                const auto result =
                    JudgeTrainer(JudgeTrainingOptions().epochs(2).batchSize(32).threads(2),
                                 smallData(), made / "judge")
                        .run({}, control);
                if (result.status != TrainingResult::Status::Finished)
                    throw std::runtime_error("tiny judge failed");
            });
        return TinyRuns{folder / "judge"};
    }();
    return runs;
}

// The suite's CTest fixture: the shared judge is trained once per ctest invocation.
TEST(LEARN2ADD_SHARED_RUNS_SUITE, TinyJudge) {
    learn2add::testing::forgetSharedRunFolder("tiny-judge");
    EXPECT_TRUE(std::filesystem::exists(tinyRuns().judge / "best.pt"));
}

}  // namespace learn2add::train::testing
