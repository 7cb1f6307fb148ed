#include "training/TrainingSession.h"

#include <stdexcept>

#include "train/AutoencoderTrainer.h"
#include "training/TrainingThread.h"

namespace learn2add::ui {
namespace {
constexpr int kDefaultProgressMs = 100;
}

TrainingSession::TrainingSession(QObject* parent)
    : QObject(parent), thread_(new TrainingThread(QStringLiteral("learn2add-training"), this)) {
    registerTrainingMetaTypes();
    connect(thread_, &TrainingThread::stateChanged, this, &TrainingSession::stateChanged);
    progressTimer_.setSingleShot(true);
    progressTimer_.setInterval(kDefaultProgressMs);
    connect(&progressTimer_, &QTimer::timeout, this, &TrainingSession::flushProgress);
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
    const int id = current_->id;
    auto result = std::make_shared<train::TrainingResult>();
    thread_->start(
        [this, id, job = current_->job, data = current_->data, result](train::TrainingControl& control) {
            train::AutoencoderTrainer trainer(job.options, data, job.runFolder, job.use);
            BatchThrottle throttle;
            train::TrainingCallbacks callbacks;
            callbacks.onBatch = [&](const train::BatchReport& report) {
                if (throttle.due(report)) thread_->post([this, id, report] { onBatch(id, report); });
            };
            callbacks.onEpoch = [&](const train::EpochReport& report) {
                thread_->post([this, id, report] { Q_EMIT epochFinished(id, report); });
            };
            *result = trainer.run(callbacks, control);
        },
        [this, id, result](const std::optional<QString>& error) {
            flushProgress();
            if (error) {
                Q_EMIT runFailed(id, *error);
            } else {
                Q_EMIT runFinished(id, *result);
            }
            onRunEnded(id);
        });
    Q_EMIT runStarted(id);
    Q_EMIT stateChanged();
}

bool TrainingSession::isPaused() const {
    return thread_->isPaused();
}

void TrainingSession::pause() {
    thread_->pause();
}

void TrainingSession::resume() {
    thread_->resume();
}

void TrainingSession::stop() {
    thread_->stop();
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
    progressTimer_.stop();
    pendingProgress_.reset();
    const bool wasRunning = current_.has_value();
    thread_->shutdown();
    current_.reset();
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
    startNext();
}

}  // namespace learn2add::ui
