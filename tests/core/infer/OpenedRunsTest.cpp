// The store of opened runs, on copies of the shipped models (resources/pretrained/).
#include "infer/OpenedRuns.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "infer/RunKind.h"

namespace learn2add::infer {
namespace {

namespace fs = std::filesystem;
const fs::path kPretrained = fs::path(LEARN2ADD_SOURCE_DIR) / "resources" / "pretrained";

class OpenedRunsTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("learn2add-opened-runs-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_);
        fs::copy(kPretrained / "addition", root_ / "addition", fs::copy_options::recursive);
        fs::copy(kPretrained / "judge", root_ / "judge", fs::copy_options::recursive);
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path root_;
};

TEST_F(OpenedRunsTest, ARunOpenedTwiceIsReadOnceAndShared) {
    OpenedRuns runs;
    const auto first = runs.addition(root_ / "addition");
    const auto again = runs.addition(root_ / "addition" / ".." / "addition");  // the same folder
    EXPECT_EQ(first.get(), again.get());
    const auto judge = runs.judge(root_ / "judge");
    EXPECT_EQ(runs.judge(root_ / "judge").get(), judge.get());
    EXPECT_EQ(runs.reads(), 2);
}

TEST_F(OpenedRunsTest, ARetrainedRunIsReadAgain) {
    OpenedRuns runs;
    const auto before = runs.addition(root_ / "addition");
    // best.pt replaced (a training went on): another modification time.
    const fs::path best = root_ / "addition" / "best.pt";
    fs::last_write_time(best, fs::last_write_time(best) + std::chrono::seconds(5));
    const auto after = runs.addition(root_ / "addition");
    EXPECT_NE(before.get(), after.get());
    EXPECT_EQ(runs.reads(), 2);
}

TEST_F(OpenedRunsTest, ARunNobodyHoldsIsLetGoAndAFailedOpenIsNotKept) {
    OpenedRuns runs;
    runs.addition(root_ / "addition");  // released at once
    runs.addition(root_ / "addition");
    EXPECT_EQ(runs.reads(), 2);
    EXPECT_THROW(runs.addition(root_ / "judge"), RunOpenError);  // a judge is not an addition run
    EXPECT_THROW(runs.addition(root_ / "missing"), RunOpenError);
    EXPECT_EQ(runs.reads(), 2);
}

}  // namespace
}  // namespace learn2add::infer
