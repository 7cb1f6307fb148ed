// Compiled with QT_NO_KEYWORDS (see tests.cmake): it reads the store of opened runs, whose header
// includes LibTorch.
// The Addition and Compare pages' inference clients on the app's one inference thread.
#include <gtest/gtest.h>
#include <QSignalSpy>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

#include "addition/AdditionInference.h"
#include "addition/AdditionModelSnapshot.h"
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
    request.settings.addend = 1.5;
    compare.requestView(request);
    ASSERT_TRUE(testing::waitUntil([&] { return !outputs.isEmpty() && !views.isEmpty(); }, 10000));
    const auto output = outputs.last().at(0).value<OutputResult>();
    const auto view = views.last().at(0).value<ComparisonView>();
    ASSERT_EQ(view.rows.size(), 1u);
    EXPECT_EQ(output.image, view.rows[0].mean);
    EXPECT_EQ(output.read, view.rows[0].read);
}

TEST(InferenceService, AnOpenedRunAndATrainingsSnapshotPostedTogetherAreBothTaken) {
    const auto& runs = testing::tinyAdditionRuns();
    const std::shared_ptr<infer::InferenceThread> thread = infer::InferenceThread::shared();
    // Hold the inference thread, so that both requests wait in its queue together.
    std::mutex mutex;
    std::condition_variable changed;
    bool entered = false, open = false;
    const int holder = thread->addClient();
    thread->post(holder, "gate", infer::InferenceThread::Priority::Command, [&] {
        std::unique_lock lock(mutex);
        entered = true;
        changed.notify_all();
        changed.wait(lock, [&] { return open; });
        return false;
    });
    const auto release = [&] {
        {
            std::lock_guard lock(mutex);
            open = true;
        }
        changed.notify_all();
    };
    struct Releaser {
        std::function<void()> release;
        ~Releaser() { release(); }  // also when an assertion ends the test early
    } releaser{release};
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(60), [&] { return entered; }));
    }
    AdditionInference inference;
    QSignalSpy opened(&inference, &AdditionInference::additionRunOpened);
    QSignalSpy replaced(&inference, &AdditionInference::modelReplaced);
    inference.openAdditionRun(runs.addition);
    auto snapshot = std::make_shared<AdditionModelSnapshot>();
    snapshot->model = models::AdditionModel(models::AdditionModelOptions().codeSize(7));
    snapshot->description = QStringLiteral("training · epoch 1 of 1");
    inference.useModel(snapshot);
    release();
    ASSERT_TRUE(testing::waitUntil([&] { return opened.count() == 1 && replaced.count() == 1; }, 10000))
        << "opened " << opened.count() << ", replaced " << replaced.count();
    thread->forget(holder);
}

}  // namespace
}  // namespace learn2add::ui
