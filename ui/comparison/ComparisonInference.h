#pragma once
// The Compare page's inference thread, seen from the GUI: opens the three addition runs and the
// judge, takes the data, and answers view and study requests with queued signals delivered on the
// GUI thread. The GUI thread never touches a tensor.
//
//   auto* inference = new ComparisonInference(this);
//   connect(inference, &ComparisonInference::viewReady, page, &Page::showView);
//   inference->openRun(0, "runs/addition");
//   inference->openJudgeRun("runs/judge");
//   const quint64 id = inference->requestView(request);   // returns at once
//
// Coalescing: each kind of request has one latest-wins slot in a mailbox; a request replaces the
// one waiting there and posts a drain to the worker only when none is queued yet, so a slider drag
// never queues work and the last request is always served. Results carry the request's sequence.
// Opening a run (and new data) also starts, on the worker, the codes, grid and accuracy of the
// models concerned: they arrive as latentReady, gridReady and accuracyReady.
//
// Threads: create, call and destroy on the GUI thread. shutdown() (run by the destructor) quits
// the thread and waits for the step being computed (tens of milliseconds).

#include <QObject>
#include <QThread>
#include <array>
#include <memory>

#include "comparison/ComparisonViewTypes.h"
#include "data/LoadedData.h"

namespace learn2add::ui {

class ComparisonWorker;
struct ComparisonMailbox;

class ComparisonInference : public QObject {
    Q_OBJECT
public:
    explicit ComparisonInference(QObject* parent = nullptr);
    ~ComparisonInference() override;

    // Opening happens on the worker thread; on failure (openFailed) what the slot held stays.
    void openRun(int slot, const QString& folder);
    void openJudgeRun(const QString& folder);
    void setData(std::shared_ptr<const LoadedData> data);
    // Whether the worker measures the opened models in the background (codes, grids, accuracy on
    // the test split); views and studies are answered either way. On at first.
    void setEvaluating(bool on);

    quint64 requestView(ComparisonViewRequest request);    // its sequence is set here
    quint64 requestStudy(ComparisonStudyRequest request);  // its sequence is set here

    bool hasModel(int slot) const;
    bool hasAnyModel() const;
    bool hasJudge() const { return hasJudge_; }
    void shutdown();

Q_SIGNALS:
    void runOpened(learn2add::ui::ComparisonRunInfo info);
    void openFailed(int slot, QString message);
    void viewReady(learn2add::ui::ComparisonView view);
    void studyReady(learn2add::ui::ComparisonStudy study);
    void latentReady(learn2add::ui::LatentCodes codes);
    void gridReady(learn2add::ui::ModelGrid grid);
    void accuracyReady(learn2add::ui::ModelAccuracy accuracy);
    void failed(QString message);

private:
    template <typename Fill>
    quint64 post(Fill&& fill);
    template <typename Call>
    void call(Call&& work);

    QThread thread_;
    ComparisonWorker* worker_ = nullptr;
    std::shared_ptr<ComparisonMailbox> mailbox_;
    quint64 nextSequence_ = 1;
    std::array<bool, kComparisonSlots> hasModel_{};
    bool hasJudge_ = false;
    bool shutDown_ = false;
};

}  // namespace learn2add::ui
