#include "addition/AdditionTrainingRunner.h"

#include <stdexcept>

#include "addition/AdditionTrainingWorker.h"

namespace learn2add::ui {

AdditionTrainingRunner::AdditionTrainingRunner(QObject* parent) : QObject(parent) {
    registerAdditionMetaTypes();
    qRegisterMetaType<AdditionTrainingJob>();
    qRegisterMetaType<std::shared_ptr<AdditionModelSnapshot>>();
    thread_.setObjectName(QStringLiteral("addition-training"));
    worker_ = new AdditionTrainingWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &AdditionTrainingWorker::batchReported, this,
            [this](const AdditionBatchValues& report) {
                if (running_) Q_EMIT progress(report);
            });
    connect(worker_, &AdditionTrainingWorker::epochReported, this,
            &AdditionTrainingRunner::epochFinished);
    connect(worker_, &AdditionTrainingWorker::finished, this,
            [this](const AdditionTrainingOutcome& outcome) {
                onEnded();
                Q_EMIT runFinished(outcome);
            });
    connect(worker_, &AdditionTrainingWorker::failed, this, [this](const QString& message) {
        onEnded();
        Q_EMIT runFailed(message);
    });
    thread_.start();
}

AdditionTrainingRunner::~AdditionTrainingRunner() {
    shutdown();
}

std::optional<QString> AdditionTrainingRunner::start(AdditionTrainingJob job,
                                                     std::shared_ptr<const data::MnistData> data) {
    if (shutDown_) return tr("the window is closing");
    if (running_) return tr("a training is already running; stop it first");
    if (!data) return tr("the data is still loading; try again in a moment");
    try {
        job.options.validate();
    } catch (const std::invalid_argument& error) {
        return QString::fromStdString(error.what());
    }
    control_ = std::make_shared<train::TrainingControl>();
    running_ = true;
    paused_ = false;
    QMetaObject::invokeMethod(
        worker_,
        [worker = worker_, job, data = std::move(data), control = control_] {
            worker->run(job, data, control);
        },
        Qt::QueuedConnection);
    Q_EMIT started(job);
    Q_EMIT stateChanged();
    return std::nullopt;
}

void AdditionTrainingRunner::pause() {
    if (!running_ || paused_) return;
    control_->requestPause();
    paused_ = true;
    Q_EMIT stateChanged();
}

void AdditionTrainingRunner::resume() {
    if (!running_ || !paused_) return;
    control_->resume();
    paused_ = false;
    Q_EMIT stateChanged();
}

void AdditionTrainingRunner::stop() {
    if (control_) control_->requestCancel();
}

void AdditionTrainingRunner::shutdown() {
    if (shutDown_) return;
    shutDown_ = true;
    stop();
    thread_.quit();
    thread_.wait();
}

void AdditionTrainingRunner::onEnded() {
    running_ = false;
    paused_ = false;
    Q_EMIT stateChanged();
}

}  // namespace learn2add::ui
