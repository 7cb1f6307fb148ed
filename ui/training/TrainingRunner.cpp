#include "training/TrainingRunner.h"

#include <c10/util/Exception.h>

#include "common/ThreadPriority.h"

namespace learn2add::ui {

bool RunReports::due(const train::BatchReport& report) {
    const auto now = std::chrono::steady_clock::now();
    const bool edge = report.batch == 1 || report.batch == report.batchesPerEpoch;
    if (!edge && now - last_ < interval_) return false;
    last_ = now;
    return true;
}

void RunReports::post(std::function<void()> deliver) {
    runner_.post(std::move(deliver));
}

TrainingRunner::TrainingRunner(const QString& threadName, QObject* parent) : QObject(parent) {
    thread_.setObjectName(threadName);
    worker_ = new QObject;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
    // Before any run, so LibTorch's threads started by the runs inherit the lower priority.
    QMetaObject::invokeMethod(worker_, [] { lowerThisThreadsPriority(); });
}

TrainingRunner::~TrainingRunner() {
    shutdown();
}

int TrainingRunner::enqueue(Run run) {
    if (shutDown_) return 0;
    const int id = nextId_++;
    queue_.push_back({id, std::move(run)});
    if (!isRunning()) startNext();
    return id;
}

void TrainingRunner::startNext() {
    if (isRunning()) return;  // an `ended` handler may have started the next run already
    if (queue_.empty() || shutDown_) {
        Q_EMIT stateChanged();
        return;
    }
    Queued next = std::move(queue_.front());
    queue_.pop_front();
    const int id = next.id;
    current_ = id;
    paused_ = false;
    control_ = std::make_shared<train::TrainingControl>();
    const std::chrono::milliseconds interval{progressMs_};
    QMetaObject::invokeMethod(
        worker_,
        [this, id, interval, task = std::move(next.run.task), ended = std::move(next.run.ended),
         control = control_] {
            std::optional<QString> error;
            try {
                RunReports reports(*this, id, interval);
                task(*control, reports);
            } catch (const c10::Error& e) {
                error = QString::fromStdString(e.what_without_backtrace());
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            } catch (...) {
                error = tr("an unknown error stopped the training");
            }
            post([this, id, ended, error] {
                current_ = 0;
                paused_ = false;
                control_.reset();
                if (ended) ended(id, error);
                startNext();
            });
        },
        Qt::QueuedConnection);
    Q_EMIT runStarted(id);
    Q_EMIT stateChanged();
}

void TrainingRunner::pause() {
    if (!isRunning() || paused_) return;
    paused_ = true;
    control_->requestPause();
    Q_EMIT stateChanged();
}

void TrainingRunner::resume() {
    if (!isRunning() || !paused_) return;
    paused_ = false;
    control_->resume();
    Q_EMIT stateChanged();
}

void TrainingRunner::pauseOrResume() {
    if (paused_) {
        resume();
    } else {
        pause();
    }
}

void TrainingRunner::stop() {
    if (control_) control_->requestCancel();
    paused_ = false;
    dropQueued();
    Q_EMIT stateChanged();
}

void TrainingRunner::dropQueued() {
    std::deque<Queued> dropped;
    dropped.swap(queue_);
    for (const Queued& entry : dropped) {
        if (entry.run.dropped) entry.run.dropped(entry.id);
    }
}

void TrainingRunner::shutdown() {
    if (shutDown_) return;
    shutDown_ = true;
    queue_.clear();
    if (control_) control_->requestCancel();
    thread_.quit();
    thread_.wait();
    const bool wasRunning = isRunning();
    current_ = 0;
    paused_ = false;
    control_.reset();
    if (wasRunning) Q_EMIT stateChanged();
}

void TrainingRunner::post(std::function<void()> deliver) {
    QMetaObject::invokeMethod(
        this,
        [this, deliver = std::move(deliver)] {
            if (!shutDown_) deliver();
        },
        Qt::QueuedConnection);
}

}  // namespace learn2add::ui
