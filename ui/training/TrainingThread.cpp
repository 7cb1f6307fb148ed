#include "training/TrainingThread.h"

#include <c10/util/Exception.h>

namespace learn2add::ui {

TrainingThread::TrainingThread(const QString& name, QObject* parent) : QObject(parent) {
    thread_.setObjectName(name);
    worker_ = new QObject;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
}

TrainingThread::~TrainingThread() {
    shutdown();
}

bool TrainingThread::start(Task task, Ended ended) {
    if (running_ || shutDown_) return false;
    control_ = std::make_shared<train::TrainingControl>();
    running_ = true;
    paused_ = false;
    QMetaObject::invokeMethod(
        worker_,
        [this, task = std::move(task), ended = std::move(ended), control = control_] {
            std::optional<QString> error;
            try {
                task(*control);
            } catch (const c10::Error& e) {
                error = QString::fromStdString(e.what_without_backtrace());
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            } catch (...) {
                error = tr("an unknown error stopped the training");
            }
            post([this, ended, error] {
                running_ = false;
                paused_ = false;
                control_.reset();
                Q_EMIT stateChanged();
                ended(error);
            });
        },
        Qt::QueuedConnection);
    Q_EMIT stateChanged();
    return true;
}

void TrainingThread::pause() {
    if (!running_ || paused_) return;
    paused_ = true;
    control_->requestPause();
    Q_EMIT stateChanged();
}

void TrainingThread::resume() {
    if (!running_ || !paused_) return;
    paused_ = false;
    control_->resume();
    Q_EMIT stateChanged();
}

void TrainingThread::stop() {
    if (control_) control_->requestCancel();
    if (paused_) {
        paused_ = false;
        Q_EMIT stateChanged();
    }
}

void TrainingThread::shutdown() {
    if (shutDown_) return;
    shutDown_ = true;
    if (control_) control_->requestCancel();
    thread_.quit();
    thread_.wait();
    const bool wasRunning = running_;
    running_ = paused_ = false;
    control_.reset();
    if (wasRunning) Q_EMIT stateChanged();
}

void TrainingThread::post(std::function<void()> deliver) {
    QMetaObject::invokeMethod(
        this,
        [this, deliver = std::move(deliver)] {
            if (!shutDown_) deliver();
        },
        Qt::QueuedConnection);
}

bool BatchThrottle::due(const train::BatchReport& report) {
    const auto now = std::chrono::steady_clock::now();
    const bool edge = report.batch == 1 || report.batch == report.batchesPerEpoch;
    if (!edge && now - last_ < kBatchReportInterval) return false;
    last_ = now;
    return true;
}

}  // namespace learn2add::ui
