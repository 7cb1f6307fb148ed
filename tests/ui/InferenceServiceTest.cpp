// Compiled with QT_NO_KEYWORDS (see tests.cmake): it reads the store of opened runs, whose header
// includes LibTorch.
// The Addition and Compare pages' inference clients on the app's one inference thread.
#include <gtest/gtest.h>
#include <QSignalSpy>

#include "addition/AdditionInference.h"
#include "comparison/ComparisonInference.h"
#include "infer/InferenceThread.h"
#include "infer/OpenedRuns.h"
#include "ui/AdditionRunFixtures.h"
#include "ui/UiTestSupport.h"

namespace learn2add::ui {
namespace {

TEST(InferenceService, TheExplorerAndTheCompareViewShareOneThreadAndReadARunOnce) {
    const auto& runs = testing::tinyAdditionRuns();
    const std::shared_ptr<infer::InferenceThread> thread = infer::InferenceThread::shared();
    const int readsBefore = thread->runs().reads();
    AdditionInference explorer;
    ComparisonInference compare;
    QSignalSpy compareOpened(&compare, &ComparisonInference::runOpened);
    explorer.openAdditionRun(runs.addition);
    explorer.openJudgeRun(runs.judge);
    compare.openRun(0, runs.addition);
    compare.openJudgeRun(runs.judge);
    ASSERT_TRUE(testing::waitUntil(
        [&] { return explorer.hasModel() && explorer.hasJudge() && compareOpened.count() == 2; },
        10000));
    EXPECT_EQ(thread->runs().reads() - readsBefore, 2) << "the addition run and the judge, once each";
    EXPECT_EQ(infer::InferenceThread::shared().get(), thread.get());

    // Both answer with the shared models, the same image for the same input and addend.
    QSignalSpy outputs(&explorer, &AdditionInference::outputReady);
    QSignalSpy views(&compare, &ComparisonInference::viewReady);
    const auto data = testing::smallData();
    const AdditionInput input = AdditionInput::fromDigitSet(data->mnist.test, 0);
    explorer.requestOutput(input, 1.5);
    ComparisonViewRequest request;
    request.input = input;
    request.addend = 1.5;
    compare.requestView(request);
    ASSERT_TRUE(testing::waitUntil([&] { return !outputs.isEmpty() && !views.isEmpty(); }, 10000));
    const auto output = outputs.last().at(0).value<OutputResult>();
    const auto view = views.last().at(0).value<ComparisonView>();
    ASSERT_EQ(view.rows.size(), 1u);
    EXPECT_EQ(output.image, view.rows[0].mean);
    EXPECT_EQ(output.read, view.rows[0].read);
}

}  // namespace
}  // namespace learn2add::ui
