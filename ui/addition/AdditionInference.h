#pragma once
// The explorer's inference thread, seen from the GUI: opens addition and judge runs, takes model
// snapshots published by a training, and answers output, study and grid requests with queued
// signals delivered on the GUI thread. The GUI thread never touches a tensor.
//
//   auto* inference = new AdditionInference(this);
//   connect(inference, &AdditionInference::outputReady, page, &Page::showOutput);
//   inference->openAdditionRun("runs/addition");
//   const quint64 id = inference->requestOutput(input, 1.5);   // returns at once
//
// Coalescing: each kind of request has one latest-wins slot in a mailbox; a request replaces the
// one waiting there and posts a drain to the worker only when none is queued yet. A slider drag
// therefore never queues work: the worker computes what is newest whenever it is free, and the
// last request is always served. Results carry the request's sequence number.
//
// Threads: create, call and destroy on the GUI thread. shutdown() (run by the destructor) quits
// the thread and waits for the request being computed (milliseconds).

#include <QObject>
#include <QThread>
#include <memory>

#include "addition/AdditionViewTypes.h"

namespace learn2add::ui {

class AdditionInferenceWorker;
struct AdditionModelSnapshot;
struct InferenceMailbox;

class AdditionInference : public QObject {
    Q_OBJECT
public:
    explicit AdditionInference(QObject* parent = nullptr);
    ~AdditionInference() override;

    // Opening happens on the worker thread; success or failure comes back as a signal, and on
    // failure the model or judge in use stays.
    void openAdditionRun(const QString& folder);
    void openJudgeRun(const QString& folder);
    // From now on, answer with this model (a training's clone).
    void useModel(std::shared_ptr<AdditionModelSnapshot> snapshot);

    quint64 requestOutput(AdditionInput input, double addend);
    quint64 requestStudy(StudyRequest request);  // its sequence is set here
    quint64 requestGrid(std::array<AdditionInput, kGridDigits> inputs);

    bool hasModel() const { return hasModel_; }
    bool hasJudge() const { return hasJudge_; }
    void shutdown();

Q_SIGNALS:
    void additionRunOpened(learn2add::ui::OpenedRunInfo info);
    void judgeRunOpened(learn2add::ui::OpenedRunInfo info);
    void modelReplaced(QString description);
    void openFailed(QString what, QString message);
    void outputReady(learn2add::ui::OutputResult result);
    void studyReady(learn2add::ui::StudyResult result);
    void gridReady(quint64 sequence, learn2add::ui::GridPicture grid);
    void failed(QString message);

private:
    template <typename Fill>
    quint64 post(Fill&& fill);

    QThread thread_;
    AdditionInferenceWorker* worker_ = nullptr;
    std::shared_ptr<InferenceMailbox> mailbox_;
    quint64 nextSequence_ = 1;
    bool hasModel_ = false;
    bool hasJudge_ = false;
    bool shutDown_ = false;
};

}  // namespace learn2add::ui
