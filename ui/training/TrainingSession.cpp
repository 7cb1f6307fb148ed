#include "training/TrainingSession.h"

#include <stdexcept>

#include "training/TrainingWorker.h"

namespace learn2add::ui {
namespace {
constexpr int kDefaultProgressMs = 100;
}

TrainingSession::TrainingSession(QObject* parent) : QObject(parent) {
    registerTrainingMetaTypes();
    thread_.setObjectName("learn2add-training");
    worker_ = new TrainingWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &TrainingWorker::batchReported, this, &TrainingSession::onBatch,
            Qt::QueuedConnection);
    connect(
        worker_, &TrainingWorker::epochReported, this,
        [this](int runId, const train::EpochReport& report) {
            Q_EMIT epochFinished(runId, report);
        },
        Qt::QueuedConnection);
    connect(
        worker_, &TrainingWorker::finished, this,
        [this](int runId, const train::TrainingResult& result) {
            flushProgress();
            Q_EMIT runFinished(runId, result);
            onRunEnded(runId);
        },
        Qt::QueuedConnection);
    connect(
        worker_, &TrainingWorker::failed, this,
        [this](int runId, const QString& message) {
            flushProgress();
            Q_EMIT runFailed(runId, message);
            onRunEnded(runId);
        },
        Qt::QueuedConnection);
    progressTimer_.setSingleShot(true);
    progressTimer_.setInterval(kDefaultProgressMs);
    connect(&progressTimer_, &QTimer::timeout, this, &TrainingSession::flushProgress);
    thread_.start();
}

TrainingSession::~TrainingSession() {
    shutdown();
}

std::optional<QString> TrainingSession::enqueue(std::vector<TrainingJob> jobs,
                                                std::shared_ptr<const data::MnistData> data) {
    if (shutDown_) return tr("training has been shut down");
    if (!data) return tr("no data is loaded yet");
    if (data->train.empty() || data->validation.empty()) {
        return tr("training needs a non-empty train and validation split");
    }
    for (const TrainingJob& job : jobs) {
        try {
            job.options.validate();
        } catch (const std::exception& error) {
            const QString what = QString::fromStdString(error.what());
            return jobs.size() > 1 ? tr("%1: %2").arg(job.name, what) : what;
        }
    }
    for (TrainingJob& job : jobs) {
        Entry entry{nextId_++, std::move(job), data};
        Q_EMIT runQueued(entry.id, entry.job);
        queue_.push_back(std::move(entry));
    }
    if (!current_) startNext();
    return std::nullopt;
}

void TrainingSession::startNext() {
    if (queue_.empty() || shutDown_) {
        Q_EMIT stateChanged();
        return;
    }
    current_ = std::move(queue_.front());
    queue_.pop_front();
    control_ = std::make_shared<train::TrainingControl>();
    if (paused_) control_->requestPause();
    TrainingWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker,
        [worker, id = current_->id, job = current_->job, data = current_->data,
         control = control_] { worker->run(id, job, data, control); },
        Qt::QueuedConnection);
    Q_EMIT runStarted(current_->id);
    Q_EMIT stateChanged();
}

void TrainingSession::pause() {
    if (!current_ || paused_) return;
    paused_ = true;
    control_->requestPause();
    Q_EMIT stateChanged();
}

void TrainingSession::resume() {
    if (!paused_) return;
    paused_ = false;
    if (control_) control_->resume();
    Q_EMIT stateChanged();
}

void TrainingSession::stop() {
    if (control_) control_->requestCancel();
    paused_ = false;
    std::deque<Entry> dropped;
    dropped.swap(queue_);
    for (const Entry& entry : dropped) {
        train::TrainingResult result;
        result.status = train::TrainingResult::Status::Cancelled;
        result.message = "stopped before it started";
        Q_EMIT runFinished(entry.id, result);
    }
    Q_EMIT stateChanged();
}

void TrainingSession::shutdown() {
    if (shutDown_) return;
    shutDown_ = true;
    queue_.clear();
    if (control_) control_->requestCancel();
    progressTimer_.stop();
    pendingProgress_.reset();
    thread_.quit();
    thread_.wait();
    const bool wasRunning = current_.has_value();
    current_.reset();
    control_.reset();
    paused_ = false;
    if (wasRunning) Q_EMIT stateChanged();
}

void TrainingSession::onBatch(int runId, const train::BatchReport& report) {
    pendingProgress_ = {runId, report};
    if (!progressTimer_.isActive()) progressTimer_.start();
}

void TrainingSession::flushProgress() {
    progressTimer_.stop();
    if (!pendingProgress_) return;
    const auto [runId, report] = *pendingProgress_;
    pendingProgress_.reset();
    Q_EMIT progress(runId, report);
}

void TrainingSession::onRunEnded(int runId) {
    if (!current_ || current_->id != runId) return;
    current_.reset();
    control_.reset();
    startNext();
}

}  // namespace learn2add::ui
