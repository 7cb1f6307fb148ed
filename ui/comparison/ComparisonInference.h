#pragma once
// The Compare page's inference, seen from the GUI: a client of the app's one inference thread
// (infer::InferenceThread, the runs read from disk once for every page) that opens the three
// addition runs and the judge, takes the data, and answers view and study requests with queued
// signals delivered on the GUI thread. The GUI thread never touches a tensor; the computations are
// core's (infer/ModelComparison.h).
//
//   auto* inference = new ComparisonInference(this);
//   connect(inference, &ComparisonInference::viewReady, page, &Page::showView);
//   inference->openRun(0, "runs/addition");
//   inference->openJudgeRun("runs/judge");
//   const quint64 id = inference->requestView(request);   // returns at once
//
// Coalescing: each kind of request is posted under its own name, and a request replaces the one
// of its kind still waiting (latest wins), so a slider drag never queues work and the last request
// is always served. Results carry the request's sequence. Each model keeps the input's code
// (infer::EncodedInput): a slider move runs P, D and the judge only.
// Opening a run (and new data) also starts, in the background, the codes, grid and accuracy of the
// models concerned, one small step at a time behind any view or study (a slider move waits for
// one step at most): they arrive as latentReady, gridReady and accuracyReady.
//
// Threads: create, call and destroy on the GUI thread. shutdown() (run by the destructor) drops
// what waits and waits for the step being computed (tens of milliseconds).

#include <QObject>
#include <array>
#include <memory>

#include "comparison/ComparisonViewTypes.h"
#include "data/LoadedData.h"
#include "inference/InferenceClient.h"

namespace learn2add::ui {

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
    struct Models;  // on the inference thread: touched by this client's work only
    template <typename Work>
    void post(const std::string& name, InferenceClient::Priority priority, Work&& work);
    void startEvaluation();  // the background steps, posted again while steps remain

    std::shared_ptr<Models> models_;
    InferenceClient client_{this};  // after models_: destroyed (and waited for) first
    quint64 nextSequence_ = 1;
    std::array<bool, kComparisonSlots> hasModel_{};
    bool hasJudge_ = false;
};

}  // namespace learn2add::ui
