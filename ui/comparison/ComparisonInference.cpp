#include "comparison/ComparisonInference.h"

#include <algorithm>

#include "comparison/ComparisonWorker.h"

namespace learn2add::ui {

ComparisonInference::ComparisonInference(QObject* parent)
    : QObject(parent), mailbox_(std::make_shared<ComparisonMailbox>()) {
    registerComparisonMetaTypes();
    thread_.setObjectName(QStringLiteral("comparison-inference"));
    worker_ = new ComparisonWorker(mailbox_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);

    connect(worker_, &ComparisonWorker::runOpened, this, [this](const ComparisonRunInfo& info) {
        if (info.slot == kJudgeSlot) {
            hasJudge_ = true;
        } else {
            hasModel_[static_cast<std::size_t>(info.slot)] = true;
        }
        Q_EMIT runOpened(info);
    });
    connect(worker_, &ComparisonWorker::openFailed, this, &ComparisonInference::openFailed);
    connect(worker_, &ComparisonWorker::viewReady, this, &ComparisonInference::viewReady);
    connect(worker_, &ComparisonWorker::studyReady, this, &ComparisonInference::studyReady);
    connect(worker_, &ComparisonWorker::latentReady, this, &ComparisonInference::latentReady);
    connect(worker_, &ComparisonWorker::gridReady, this, &ComparisonInference::gridReady);
    connect(worker_, &ComparisonWorker::accuracyReady, this, &ComparisonInference::accuracyReady);
    connect(worker_, &ComparisonWorker::failed, this, &ComparisonInference::failed);
    thread_.start();
}

ComparisonInference::~ComparisonInference() {
    shutdown();
}

void ComparisonInference::shutdown() {
    if (shutDown_) return;
    shutDown_ = true;
    thread_.quit();
    thread_.wait();
}

template <typename Call>
void ComparisonInference::call(Call&& work) {
    if (shutDown_) return;
    QMetaObject::invokeMethod(worker_, std::forward<Call>(work), Qt::QueuedConnection);
}

void ComparisonInference::openRun(int slot, const QString& folder) {
    call([worker = worker_, slot, folder] { worker->openRun(slot, folder); });
}

void ComparisonInference::openJudgeRun(const QString& folder) {
    call([worker = worker_, folder] { worker->openJudgeRun(folder); });
}

void ComparisonInference::setData(std::shared_ptr<const LoadedData> data) {
    call([worker = worker_, data = std::move(data)] { worker->setData(data); });
}

void ComparisonInference::setEvaluating(bool on) {
    call([worker = worker_, on] { worker->setEvaluating(on); });
}

template <typename Fill>
quint64 ComparisonInference::post(Fill&& fill) {
    const quint64 sequence = nextSequence_++;
    if (shutDown_) return sequence;
    bool schedule = false;
    {
        std::lock_guard lock(mailbox_->mutex);
        fill(*mailbox_, sequence);
        schedule = !mailbox_->drainScheduled;
        mailbox_->drainScheduled = true;
    }
    if (schedule) call([worker = worker_] { worker->drain(); });
    return sequence;
}

quint64 ComparisonInference::requestView(ComparisonViewRequest request) {
    return post([&](ComparisonMailbox& box, quint64 sequence) {
        request.sequence = sequence;
        box.view = std::move(request);
    });
}

quint64 ComparisonInference::requestStudy(ComparisonStudyRequest request) {
    return post([&](ComparisonMailbox& box, quint64 sequence) {
        request.sequence = sequence;
        box.study = std::move(request);
    });
}

bool ComparisonInference::hasModel(int slot) const {
    return slot >= 0 && slot < kComparisonSlots && hasModel_[static_cast<std::size_t>(slot)];
}

bool ComparisonInference::hasAnyModel() const {
    return std::any_of(hasModel_.begin(), hasModel_.end(), [](bool has) { return has; });
}

}  // namespace learn2add::ui
