#pragma once
// The explorer's inference, seen from the GUI: a client of the app's one inference thread
// (infer::InferenceThread) that opens addition and judge runs (read from disk once for every page:
// the thread's OpenedRuns), takes model snapshots published by a training, and answers output,
// study and grid requests with queued signals delivered on the GUI thread. The GUI thread never
// touches a tensor; the computations are core's (infer/AdditionExplorer.h).
//
//   auto* inference = new AdditionInference(this);
//   connect(inference, &AdditionInference::outputReady, page, &Page::showOutput);
//   inference->openAdditionRun("runs/addition");
//   const quint64 id = inference->requestOutput(input, 1.5);   // returns at once
//
// Coalescing: each kind of request is posted under its own name, and a request replaces the one
// of its kind still waiting (latest wins): a slider drag never queues work, and the last request
// is always served. Opening runs comes first, then the output, then the grid and the study. The
// input's code is kept between requests (infer::EncodedInput): a slider move runs P, D and the
// judge only. Results carry the request's sequence number.
//
// Threads: create, call and destroy on the GUI thread. shutdown() (run by the destructor) drops
// what waits and waits for this client's request being computed (milliseconds; a run being opened:
// its read from disk).

#include <memory>
#include <string>

#include "addition/AdditionViewTypes.h"
#include "inference/InferenceClient.h"
#include "manifold/CodeManifoldSource.h"

namespace learn2add::ui {

struct AdditionModelSnapshot;

class AdditionInference : public CodeManifoldSource {
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
    // The code manifold of the model's E and D (CodeManifoldSource; a study: after the output).
    quint64 requestManifold(ManifoldRequest request) override;
    quint64 requestPlanePoint(QPointF point, bool chosen = false) override;
    // The morph strip of two inputs beside the sums (a study), and one t of it (interactive).
    quint64 requestMorph(MorphRequest request);
    quint64 requestMorphPoint(AdditionInput from, AdditionInput to, double t, infer::MorphPath path);
    // The feature maps of E for the input and of D for its sum (interactive: the slider).
    quint64 requestFeatureMaps(AdditionInput input, double addend, QString inputCaption);
    // The algebra probes on the first `imagesPerDigit` images of each digit of `test`, read by the
    // judge: one digit per background step (a slider move waits for one step at most), progress
    // after each, the tables at the end. Nothing without a model and a judge.
    quint64 requestProbes(std::shared_ptr<const data::DigitSet> test, int imagesPerDigit);

    bool hasModel() const override { return hasModel_; }
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
    void morphReady(learn2add::ui::MorphPicture picture);
    void morphPointReady(learn2add::ui::MorphPoint point);
    void featureMapsReady(learn2add::ui::FeatureMapPicture picture);
    void probesProgress(learn2add::ui::ProbesProgress progress);
    void probesReady(learn2add::ui::ProbesPicture picture);
    void failed(QString message);

private:
    struct Models;  // on the inference thread: touched by this client's work only
    template <typename Work>
    void post(const std::string& name, InferenceClient::Priority priority, Work&& work);

    std::shared_ptr<Models> models_;
    InferenceClient client_{this};  // after models_: destroyed (and waited for) first
    quint64 nextSequence_ = 1;
    bool hasModel_ = false;
    bool hasJudge_ = false;
};

}  // namespace learn2add::ui
