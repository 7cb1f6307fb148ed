#include "autoencoder/AutoencoderTrainingRunner.h"

#include <gtest/gtest.h>
#include <QElapsedTimer>
#include <algorithm>
#include <atomic>
#include <QSignalSpy>
#include <QTest>

#include "common/ThreadPriority.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"

namespace learn2add::ui {
namespace {

using Status = train::TrainingResult::Status;

std::shared_ptr<const data::MnistData> mnist() {
    return testing::smallMnist();
}

AutoencoderTrainingJob tinyJob(int epochs, int batches,
                    models::DecoderKind decoder = models::DecoderKind::Upsample) {
    const auto options = train::AutoencoderTrainingOptions()
                             .decoder(decoder)
                             .codeSize(2)
                             .epochs(epochs)
                             .maxBatchesPerEpoch(batches)
                             .batchSize(32)
                             .threads(1);
    return {describeOptions(options), options, std::nullopt};
}

#if defined(__linux__)
TEST(TrainingRunner, RunsItsTasksAtALowerPriorityThanTheWindow) {
    TrainingRunner runner(QStringLiteral("priority-test"));
    std::atomic<int> niceness{-100};
    bool ended = false;
    runner.enqueue({[&](train::TrainingControl&, RunReports&) { niceness = thisThreadsNiceness(); },
                    [&](int, const std::optional<QString>&) { ended = true; },
                    {}});
    ASSERT_TRUE(testing::waitUntil([&] { return ended; }, 10000));
    EXPECT_EQ(niceness.load(), std::min(kLowestPriorityNiceness, thisThreadsNiceness() + kBackgroundNiceness))
        << "the training thread yields to the GUI and inference threads";
}
#endif

TEST(AutoencoderTrainingRunner, RunsQueuedJobsOneAfterAnother) {
    AutoencoderTrainingRunner runner;
    QSignalSpy queued(&runner, &AutoencoderTrainingRunner::runQueued);
    QSignalSpy started(&runner, &AutoencoderTrainingRunner::runStarted);
    QSignalSpy epochs(&runner, &AutoencoderTrainingRunner::epochFinished);
    QSignalSpy finished(&runner, &AutoencoderTrainingRunner::runFinished);
    ASSERT_EQ(runner.enqueue({tinyJob(2, 2), tinyJob(1, 2)}, mnist()), std::nullopt);
    EXPECT_EQ(queued.size(), 2);
    EXPECT_TRUE(runner.isRunning());
    EXPECT_EQ(runner.queuedCount(), 1);
    ASSERT_TRUE(testing::waitUntil([&] { return finished.size() == 2; }, 15000));

    ASSERT_EQ(started.size(), 2);
    EXPECT_EQ(started[0][0].toInt(), 1);
    EXPECT_EQ(started[1][0].toInt(), 2);
    ASSERT_EQ(epochs.size(), 3);
    // Every epoch of run 1 arrives before run 2 starts reporting.
    EXPECT_EQ(epochs[0][0].toInt(), 1);
    EXPECT_EQ(epochs[1][0].toInt(), 1);
    EXPECT_EQ(epochs[2][0].toInt(), 2);
    const auto report = epochs[1][1].value<train::EpochReport>();
    EXPECT_EQ(report.epoch, 2);
    EXPECT_GT(report.validationRmse, 0.0);
    EXPECT_EQ(report.codes2d.size(), 2 * report.codeLabels.size());
    EXPECT_EQ(report.inputs.count, 5);
    const auto result = finished[0][1].value<train::TrainingResult>();
    EXPECT_EQ(result.status, Status::Finished);
    EXPECT_EQ(result.epochsRun, 2);
    EXPECT_FALSE(runner.isRunning());
}

TEST(AutoencoderTrainingRunner, RefusesInvalidOptionsBeforeStarting) {
    AutoencoderTrainingRunner runner;
    QSignalSpy queued(&runner, &AutoencoderTrainingRunner::runQueued);
    AutoencoderTrainingJob bad = tinyJob(1, 1);
    bad.options.learningRate(0.0);
    const auto error = runner.enqueue({bad}, mnist());
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->contains("learning rate must be")) << error->toStdString();

    // With several jobs, the message names the bad one, and none of them is queued.
    AutoencoderTrainingJob zero = tinyJob(1, 1);
    zero.name = "zero";
    zero.options.codeSize(0);
    const auto named = runner.enqueue({tinyJob(1, 1), zero}, mnist());
    ASSERT_TRUE(named.has_value());
    EXPECT_TRUE(named->startsWith("zero: code size must be")) << named->toStdString();
    EXPECT_TRUE(queued.isEmpty());
    EXPECT_FALSE(runner.isRunning());
    EXPECT_TRUE(runner.enqueue({tinyJob(1, 1)}, nullptr)->contains("no data"));
}

TEST(AutoencoderTrainingRunner, CoalescesBatchReports) {
    AutoencoderTrainingRunner runner;
    runner.setProgressInterval(200);
    QSignalSpy progress(&runner, &AutoencoderTrainingRunner::progress);
    QSignalSpy finished(&runner, &AutoencoderTrainingRunner::runFinished);
    AutoencoderTrainingJob job = tinyJob(1, 120);
    job.options.batchSize(8);
    QElapsedTimer clock;
    clock.start();
    ASSERT_EQ(runner.enqueue({job}, mnist()), std::nullopt);
    ASSERT_TRUE(testing::waitUntil([&] { return !finished.isEmpty(); }, 15000));
    const double seconds = clock.elapsed() / 1000.0;
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_LE(progress.size(), seconds / 0.2 + 2) << "120 batches in " << seconds << " s";
    // The last progress is the run's last batch (flushed before runFinished).
    const auto last = progress.back()[1].value<train::BatchReport>();
    EXPECT_EQ(last.batch, 120);
}

TEST(AutoencoderTrainingRunner, PausesResumesAndStopsAtTheNextBatch) {
    AutoencoderTrainingRunner runner;
    runner.setProgressInterval(40);
    QSignalSpy progress(&runner, &AutoencoderTrainingRunner::progress);
    QSignalSpy finished(&runner, &AutoencoderTrainingRunner::runFinished);
    ASSERT_EQ(runner.enqueue({tinyJob(50, 0), tinyJob(1, 1)}, mnist()), std::nullopt);
    ASSERT_TRUE(testing::waitUntil([&] { return !progress.isEmpty(); }, 10000));

    runner.pause();
    EXPECT_TRUE(runner.isPaused());
    // The batch that was running when the pause came finishes and may still report; then silence.
    // Silence is a quiet second and a half, far longer than a tiny batch even on a loaded machine.
    auto paused = progress.size();
    QElapsedTimer quiet;
    quiet.start();
    ASSERT_TRUE(testing::waitUntil(
        [&] {
            if (progress.size() != paused) {
                paused = progress.size();
                quiet.restart();
            }
            return quiet.elapsed() > 1500;
        },
        30000));
    QTest::qWait(1000);
    EXPECT_EQ(progress.size(), paused);

    runner.resume();
    EXPECT_FALSE(runner.isPaused());
    ASSERT_TRUE(testing::waitUntil([&] { return progress.size() > paused; }, 5000));

    // The stop lands at the next batch: at most the running batch and the flushed last report
    // follow (counted in reports, not seconds, so that it holds on a loaded machine).
    const auto reportsAtStop = progress.size();
    runner.stop();
    ASSERT_TRUE(testing::waitUntil([&] { return finished.size() == 2; }, 60000));
    EXPECT_LE(progress.size(), reportsAtStop + 2);
    EXPECT_EQ(finished[0][1].value<train::TrainingResult>().status,
              Status::Cancelled);  // the queued one
    EXPECT_EQ(finished[0][1].value<train::TrainingResult>().epochsRun, 0);
    EXPECT_EQ(finished[1][1].value<train::TrainingResult>().status, Status::Cancelled);
    EXPECT_FALSE(runner.isRunning());
}

TEST(AutoencoderTrainingRunner, ReportsErrorsOfTheWorkerInWords) {
    AutoencoderTrainingRunner runner;
    QSignalSpy failed(&runner, &AutoencoderTrainingRunner::runFailed);
    QSignalSpy finished(&runner, &AutoencoderTrainingRunner::runFinished);
    AutoencoderTrainingJob job = tinyJob(1, 1);
    job.runFolder = "/proc/learn2add-cannot-write-here/run";
    ASSERT_EQ(runner.enqueue({job, tinyJob(1, 1)}, mnist()), std::nullopt);
    ASSERT_TRUE(testing::waitUntil([&] { return finished.size() == 1; }, 10000));
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed[0][0].toInt(), 1);
    EXPECT_FALSE(failed[0][1].toString().isEmpty());
    // The queue goes on with the next job.
    EXPECT_EQ(finished[0][0].toInt(), 2);
}

TEST(AutoencoderTrainingRunner, ShutdownWhilePausedEndsTheWorker) {
    auto runner = std::make_unique<AutoencoderTrainingRunner>();
    QSignalSpy progress(runner.get(), &AutoencoderTrainingRunner::progress);
    ASSERT_EQ(runner->enqueue({tinyJob(100, 0)}, mnist()),
              std::nullopt);
    ASSERT_TRUE(testing::waitUntil([&] { return !progress.isEmpty(); }, 10000));
    runner->pause();
    runner->shutdown();  // also while paused: at most the batch that was running finishes
    EXPECT_FALSE(runner->isRunning());
    EXPECT_TRUE(runner->enqueue({tinyJob(1, 1)}, mnist()).has_value());
    runner.reset();
}

}  // namespace
}  // namespace learn2add::ui
