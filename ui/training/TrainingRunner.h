#pragma once
// The GUI's one training runner: a queue of runs done one after another on a worker thread that it
// owns, with pause, resume and stop (the running run's TrainingControl), any exception kept from
// leaving the thread, one throttle for batch reports, and deliveries on the GUI thread. Every kind
// of training plugs into it: the Autoencoder page's queue (autoencoder/AutoencoderTrainingRunner.h),
// the Addition page's run (addition/AdditionTrainingRunner.h) and the whole assignment's plan
// (shell/AssignmentDialog.h). A kind's adapter makes the Run and turns its reports into signals.
//
//   auto* runner = new TrainingRunner(QStringLiteral("addition-training"), this);
//   runner->enqueue({[=](train::TrainingControl& control, RunReports& reports) {
//                        callbacks.onBatch = [&](const train::BatchReport& batch) {
//                            if (reports.due(batch)) reports.post([=] { showBatch(batch); });
//                        };
//                        trainer.run(callbacks, control);
//                    },
//                    [=](int runId, const std::optional<QString>& error) { /* after the task */ }});
//
// Threads: create, call and destroy it on the GUI thread; RunReports is used by the task on the
// worker thread. Deliveries run on the GUI thread in the order posted; a run's `ended` runs after
// the last of them with isRunning() already false; then the next queued run starts (runStarted,
// stateChanged) or, with none, stateChanged says the runner is idle.
// Priority: the worker thread lowers its own scheduling priority before any run
// (common/ThreadPriority.h), so a training may use every core while the window's GUI and
// inference threads are still served first.
// Shutdown (also the destructor): drops the queue, cancels the running task, quits the thread and
// waits for it; the task notices within one batch, and nothing posted afterwards is delivered.

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

#include "train/TrainingControl.h"
#include "train/TrainingReports.h"

namespace learn2add::ui {

class TrainingRunner;

// What a running task reports through: the one throttle for batch reports (the first and the last
// batch of every epoch, the others at most once per the runner's progress interval, so the GUI
// redraws at most that often) and posting to the GUI thread. Used on the worker thread only.
class RunReports {
public:
    RunReports(TrainingRunner& runner, int runId, std::chrono::milliseconds interval)
        : runner_(runner), runId_(runId), interval_(interval) {}

    int runId() const { return runId_; }
    // Whether this batch report is one to pass on.
    bool due(const train::BatchReport& report);
    // Runs `deliver` on the GUI thread, after what was posted before it.
    void post(std::function<void()> deliver);

private:
    TrainingRunner& runner_;
    int runId_;
    std::chrono::milliseconds interval_;
    std::chrono::steady_clock::time_point last_{};
};

class TrainingRunner : public QObject {
    Q_OBJECT
public:
    // Runs on the worker thread. A LibTorch or standard exception becomes the `ended` error.
    using Task = std::function<void(train::TrainingControl& control, RunReports& reports)>;
    // GUI thread, after the task and everything it posted.
    using Ended = std::function<void(int runId, const std::optional<QString>& error)>;
    // GUI thread: stop() dropped the run before it started (shutdown() drops the queue silently).
    using Dropped = std::function<void(int runId)>;
    struct Run {
        Task task;
        Ended ended;
        Dropped dropped;  // may be empty
    };

    static constexpr int kDefaultProgressMs = 40;

    explicit TrainingRunner(const QString& threadName, QObject* parent = nullptr);
    ~TrainingRunner() override;

    // Queues `run` and starts it when idle; returns its id (1, 2, …), or 0 after shutdown().
    int enqueue(Run run);
    // The id the next enqueue() gives.
    int nextRunId() const { return nextId_; }
    void pause();
    void resume();
    // Resumes when paused, pauses when running; nothing when idle.
    void pauseOrResume();
    // Cancels the running run (it ends at its next batch) and drops the queued ones.
    void stop();
    // stop(), then quits and waits for the worker thread. Nothing is queued afterwards.
    void shutdown();

    bool isRunning() const { return current_ != 0; }
    bool isPaused() const { return paused_; }
    bool isShutDown() const { return shutDown_; }
    int queuedCount() const { return static_cast<int>(queue_.size()); }
    // The id of the running run, or 0.
    int currentRunId() const { return current_; }

    // How often the throttle passes a batch report inside an epoch; read when a run starts.
    void setProgressInterval(int milliseconds) { progressMs_ = milliseconds; }
    int progressInterval() const { return progressMs_; }

    // Runs `deliver` on the GUI thread (any thread may call it); dropped after shutdown().
    void post(std::function<void()> deliver);

Q_SIGNALS:
    void runStarted(int runId);
    // Running, paused or idle changed.
    void stateChanged();

private:
    struct Queued {
        int id = 0;
        Run run;
    };
    void startNext();
    void dropQueued();

    QThread thread_;
    QObject* worker_ = nullptr;  // lives on thread_: the context the tasks run in
    std::deque<Queued> queue_;
    std::shared_ptr<train::TrainingControl> control_;
    int current_ = 0;
    int nextId_ = 1;
    int progressMs_ = kDefaultProgressMs;
    bool paused_ = false;
    bool shutDown_ = false;
};

}  // namespace learn2add::ui
