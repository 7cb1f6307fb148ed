#include "addition/AdditionInference.h"

#include "addition/AdditionInferenceWorker.h"

namespace learn2add::ui {

AdditionInference::AdditionInference(QObject* parent)
    : QObject(parent), mailbox_(std::make_shared<InferenceMailbox>()) {
    registerAdditionMetaTypes();
    thread_.setObjectName(QStringLiteral("addition-inference"));
    worker_ = new AdditionInferenceWorker(mailbox_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);

    connect(worker_, &AdditionInferenceWorker::additionRunOpened, this,
            [this](const OpenedRunInfo& info) {
                hasModel_ = true;
                Q_EMIT additionRunOpened(info);
            });
    connect(worker_, &AdditionInferenceWorker::judgeRunOpened, this,
            [this](const OpenedRunInfo& info) {
                hasJudge_ = true;
                Q_EMIT judgeRunOpened(info);
            });
    connect(worker_, &AdditionInferenceWorker::modelReplaced, this,
            [this](const QString& description) {
                hasModel_ = true;
                Q_EMIT modelReplaced(description);
            });
    connect(worker_, &AdditionInferenceWorker::openFailed, this, &AdditionInference::openFailed);
    connect(worker_, &AdditionInferenceWorker::outputReady, this, &AdditionInference::outputReady);
    connect(worker_, &AdditionInferenceWorker::studyReady, this, &AdditionInference::studyReady);
    connect(worker_, &AdditionInferenceWorker::gridReady, this, &AdditionInference::gridReady);
    connect(worker_, &AdditionInferenceWorker::failed, this, &AdditionInference::failed);
    thread_.start();
}

AdditionInference::~AdditionInference() {
    shutdown();
}

void AdditionInference::shutdown() {
    if (shutDown_) return;
    shutDown_ = true;
    thread_.quit();
    thread_.wait();
}

void AdditionInference::openAdditionRun(const QString& folder) {
    if (shutDown_) return;
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, folder] { worker->openAdditionRun(folder); },
        Qt::QueuedConnection);
}

void AdditionInference::openJudgeRun(const QString& folder) {
    if (shutDown_) return;
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, folder] { worker->openJudgeRun(folder); },
        Qt::QueuedConnection);
}

void AdditionInference::useModel(std::shared_ptr<AdditionModelSnapshot> snapshot) {
    if (shutDown_) return;
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, snapshot = std::move(snapshot)] { worker->useModel(snapshot); },
        Qt::QueuedConnection);
}

template <typename Fill>
quint64 AdditionInference::post(Fill&& fill) {
    const quint64 sequence = nextSequence_++;
    if (shutDown_) return sequence;
    bool schedule = false;
    {
        std::lock_guard lock(mailbox_->mutex);
        fill(*mailbox_, sequence);
        schedule = !mailbox_->drainScheduled;
        mailbox_->drainScheduled = true;
    }
    if (schedule) {
        QMetaObject::invokeMethod(
            worker_, [worker = worker_] { worker->drain(); }, Qt::QueuedConnection);
    }
    return sequence;
}

quint64 AdditionInference::requestOutput(AdditionInput input, double addend) {
    return post([&](InferenceMailbox& box, quint64 sequence) {
        box.output = OutputRequest{sequence, std::move(input), addend};
    });
}

quint64 AdditionInference::requestStudy(StudyRequest request) {
    return post([&](InferenceMailbox& box, quint64 sequence) {
        request.sequence = sequence;
        box.study = std::move(request);
    });
}

quint64 AdditionInference::requestGrid(std::array<AdditionInput, kGridDigits> inputs) {
    return post([&](InferenceMailbox& box, quint64 sequence) {
        box.grid = GridRequest{sequence, std::move(inputs)};
    });
}

}  // namespace learn2add::ui
