#pragma once
// The explorer's inference: holds its own addition model and judge (opened from run folders or
// published by a training) and answers the latest requests left in an InferenceMailbox. Lives on
// AdditionInference's thread; see AdditionInference.h for how it is driven.
//
// Threads: every slot runs on the worker's thread. The mailbox is the only state shared with the
// GUI thread (under its mutex). No exception leaves a slot: LibTorch and standard errors become
// failed() or openFailed(), because an exception escaping here would terminate the app.

#include <QObject>
#include <QString>
#include <memory>
#include <mutex>
#include <optional>

#include "addition/AdditionViewTypes.h"

namespace learn2add::ui {

struct AdditionModelSnapshot;

// Latest-wins slots for each kind of request. `drainScheduled` is true while a drain() call is
// queued and has not yet started, so a burst of requests posts one call, not one per request.
struct InferenceMailbox {
    std::mutex mutex;
    std::optional<OutputRequest> output;
    std::optional<StudyRequest> study;
    std::optional<GridRequest> grid;
    bool drainScheduled = false;
};

class AdditionInferenceWorker : public QObject {
    Q_OBJECT
public:
    explicit AdditionInferenceWorker(std::shared_ptr<InferenceMailbox> mailbox,
                                     QObject* parent = nullptr);
    ~AdditionInferenceWorker() override;

    void openAdditionRun(const QString& folder);
    void openJudgeRun(const QString& folder);
    void useModel(const std::shared_ptr<AdditionModelSnapshot>& snapshot);
    // Answers what the mailbox holds: the output first, then the grid, then the study.
    void drain();

Q_SIGNALS:
    void additionRunOpened(learn2add::ui::OpenedRunInfo info);
    void judgeRunOpened(learn2add::ui::OpenedRunInfo info);
    void modelReplaced(QString description);
    // `what` is "addition" or "judge".
    void openFailed(QString what, QString message);
    void outputReady(learn2add::ui::OutputResult result);
    void studyReady(learn2add::ui::StudyResult result);
    void gridReady(quint64 sequence, learn2add::ui::GridPicture grid);
    void failed(QString message);

private:
    struct Models;
    OutputResult computeOutput(const OutputRequest& request);
    StudyResult computeStudy(const StudyRequest& request);
    GridPicture computeGrid(const GridRequest& request);

    std::shared_ptr<InferenceMailbox> mailbox_;
    std::unique_ptr<Models> models_;
};

}  // namespace learn2add::ui
