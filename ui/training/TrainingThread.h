#pragma once
// The one worker thread of the GUI's trainings (the Autoencoder page's queue, the Addition page's
// runs): runs one training task at a time with its TrainingControl (pause, resume, stop), keeps any
// exception from leaving the thread, and delivers what the task reports on the GUI thread.
//
//   auto* thread = new TrainingThread(QStringLiteral("addition-training"), this);
//   thread->start([=](train::TrainingControl& control) { result = trainer.run(callbacks, control); },
//                 [=](const std::optional<QString>& error) { /* GUI thread, after the task */ });
//   // in the task's callbacks, on the worker thread:
//   if (throttle.due(batch)) thread->post([=] { Q_EMIT progress(values); });
//
// Threads: create, call and destroy it on the GUI thread; post() may be called from the task.
// Deliveries run on the GUI thread in the order posted; the `ended` callback runs after the last of
// them, once the thread is idle again (isRunning() false), so it may start the next task.
// Shutdown (also the destructor): cancels the task, quits the thread and waits for it; the task
// notices within one batch, and nothing posted afterwards is delivered.

#include <QObject>
#include <QString>
#include <QThread>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "train/TrainingControl.h"
#include "train/TrainingReports.h"

namespace learn2add::ui {

class TrainingThread : public QObject {
    Q_OBJECT
public:
    // Runs on the worker thread. A LibTorch or standard exception becomes the `ended` error.
    using Task = std::function<void(train::TrainingControl& control)>;
    using Ended = std::function<void(const std::optional<QString>& error)>;

    explicit TrainingThread(const QString& name, QObject* parent = nullptr);
    ~TrainingThread() override;

    // Starts `task` unless one is running or the thread was shut down (then returns false).
    bool start(Task task, Ended ended);
    void pause();
    void resume();
    void stop();  // cancels the running task (it ends at the next batch)
    void shutdown();

    bool isRunning() const { return running_; }
    bool isPaused() const { return paused_; }
    bool isShutDown() const { return shutDown_; }

    // Runs `deliver` on the GUI thread (any thread may call it); dropped after shutdown().
    void post(std::function<void()> deliver);

Q_SIGNALS:
    // Running, paused or idle changed.
    void stateChanged();

private:
    QThread thread_;
    QObject* worker_ = nullptr;  // lives on thread_: the context the tasks run in
    std::shared_ptr<train::TrainingControl> control_;
    bool running_ = false;
    bool paused_ = false;
    bool shutDown_ = false;
};

// Which batch reports a task passes to the GUI: the first and the last of every epoch, and the
// others at most once per kBatchReportInterval (the GUI redraws at most that often). One throttle
// for every kind of training.
class BatchThrottle {
public:
    static constexpr std::chrono::milliseconds kBatchReportInterval{40};
    bool due(const train::BatchReport& report);

private:
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace learn2add::ui
