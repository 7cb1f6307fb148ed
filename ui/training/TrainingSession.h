#pragma once
// Runs a queue of training jobs, one after another, on one worker thread that it owns, and tells
// the GUI what happens in signals delivered on the GUI thread.
//
//   auto* session = new TrainingSession(this);
//   connect(session, &TrainingSession::epochFinished, page, &Page::showEpoch);
//   if (auto error = session->enqueue({job1, job2}, data)) banner->showMessage(*error, ...);
//   session->pause(); session->resume(); session->stop();
//
// Threads: create, call and destroy it on the GUI thread only. The runs go one after another
// through the GUI's one training thread (TrainingThread.h), which holds the current run's
// TrainingControl for pause, resume and stop.
//
// Coalescing: the run reports the batches that BatchThrottle lets through (TrainingThread.h);
// progress() is emitted at most once per progressInterval() (default 100 ms) with the latest, from
// a single-shot timer, so the runs table never redraws per batch. Epoch reports, results and
// errors are forwarded as they come.
//
// Shutdown: shutdown() (also run by the destructor) cancels the current run, drops the queue, quits
// the thread's event loop and waits for it; a run notices the cancel within one batch.

#include <QObject>
#include <QTimer>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include "data/MnistData.h"
#include "train/TrainingControl.h"
#include "training/TrainingMetaTypes.h"

namespace learn2add::ui {

class TrainingThread;

class TrainingSession : public QObject {
    Q_OBJECT
public:
    explicit TrainingSession(QObject* parent = nullptr);
    ~TrainingSession() override;

    // Validates every job's options first; when one is invalid, returns what is wrong (naming the
    // job when there are several) and queues nothing. Otherwise queues them all (runQueued() for
    // each), starts the first when idle and returns nothing.
    std::optional<QString> enqueue(std::vector<TrainingJob> jobs,
                                   std::shared_ptr<const data::MnistData> data);

    void pause();
    void resume();
    // Cancels the running job and drops the queued ones (reported as cancelled, 0 epochs).
    void stop();
    // stop(), then quit and wait for the worker thread. The session accepts no jobs afterwards.
    void shutdown();

    bool isRunning() const { return current_.has_value(); }
    bool isPaused() const;
    int queuedCount() const { return static_cast<int>(queue_.size()); }
    // The id of the running job, or 0.
    int currentRunId() const { return current_ ? current_->id : 0; }

    void setProgressInterval(int milliseconds) { progressTimer_.setInterval(milliseconds); }
    int progressInterval() const { return progressTimer_.interval(); }

Q_SIGNALS:
    void runQueued(int runId, learn2add::ui::TrainingJob job);
    void runStarted(int runId);
    void progress(int runId, learn2add::train::BatchReport report);
    void epochFinished(int runId, learn2add::train::EpochReport report);
    void runFinished(int runId, learn2add::train::TrainingResult result);
    void runFailed(int runId, QString message);
    // Running, paused or idle changed.
    void stateChanged();

private:
    struct Entry {
        int id = 0;
        TrainingJob job;
        std::shared_ptr<const data::MnistData> data;
    };

    void startNext();
    void onBatch(int runId, const train::BatchReport& report);
    void onRunEnded(int runId);
    void flushProgress();

    TrainingThread* thread_ = nullptr;
    std::deque<Entry> queue_;
    std::optional<Entry> current_;
    bool shutDown_ = false;
    int nextId_ = 1;
    QTimer progressTimer_;
    std::optional<std::pair<int, train::BatchReport>> pendingProgress_;
};

}  // namespace learn2add::ui
