#pragma once
// The Compare page's inference: holds up to three addition models (one per slot) and a judge,
// answers the latest view and study requests left in a ComparisonMailbox, and, in small steps
// between requests, computes what each model shows once: its validation codes in 2D, its
// digit-by-addend grid and its addition accuracy on the test split. Lives on ComparisonInference's
// thread; see ComparisonInference.h for how it is driven.
//
// Scheduling: each drain() call does one piece of work, the most urgent first: the view waiting in
// the mailbox, else the study, else one step of the pending evaluations (the codes of one model,
// one grid, or one chunk of the accuracy pass), and posts itself again while work remains. A
// slider move therefore waits for one piece of work at most (tens of milliseconds), never for a
// study or a whole accuracy pass.
//
// Threads: every slot runs on the worker's thread. The mailbox is the only state shared with the
// GUI thread (under its mutex); the data is immutable. No exception leaves a slot: LibTorch and
// standard errors become failed() or openFailed(), as an exception escaping here would terminate
// the app.

#include <QObject>
#include <QString>
#include <array>
#include <memory>
#include <mutex>
#include <optional>

#include "comparison/ComparisonViewTypes.h"
#include "data/LoadedData.h"

namespace learn2add::ui {

// Latest-wins slots for each kind of request. `drainScheduled` is true while a drain() call is
// queued and has not yet started, so a burst of requests posts one call, not one per request.
struct ComparisonMailbox {
    std::mutex mutex;
    std::optional<ComparisonViewRequest> view;
    std::optional<ComparisonStudyRequest> study;
    bool drainScheduled = false;
};

class ComparisonWorker : public QObject {
    Q_OBJECT
public:
    explicit ComparisonWorker(std::shared_ptr<ComparisonMailbox> mailbox,
                              QObject* parent = nullptr);
    ~ComparisonWorker() override;

    // slot 0..2: an addition run of any variant; anything else is refused with openFailed().
    void openRun(int slot, const QString& folder);
    void openJudgeRun(const QString& folder);
    void setData(std::shared_ptr<const LoadedData> data);
    // Off: the codes, grids and accuracies of opened models wait (views are still answered);
    // on again: they go on where they stopped. On at first.
    void setEvaluating(bool on);
    void drain();

Q_SIGNALS:
    void runOpened(learn2add::ui::ComparisonRunInfo info);
    // `slot` is 0..2 or kJudgeSlot.
    void openFailed(int slot, QString message);
    void viewReady(learn2add::ui::ComparisonView view);
    void studyReady(learn2add::ui::ComparisonStudy study);
    void latentReady(learn2add::ui::LatentCodes codes);
    void gridReady(learn2add::ui::ModelGrid grid);
    void accuracyReady(learn2add::ui::ModelAccuracy accuracy);
    void failed(QString message);

private:
    struct State;
    void scheduleDrain();
    bool evaluateOneStep();  // true when steps remain
    bool hasPendingEvaluation() const;
    void markForEvaluation(int slot, bool codes);

    std::shared_ptr<ComparisonMailbox> mailbox_;
    std::unique_ptr<State> state_;
    bool evaluating_ = true;
};

}  // namespace learn2add::ui
