#pragma once
// The Autoencoder page's inference: a client of the app's one inference thread that holds the
// shown run's model (a training's epoch snapshot or an opened run's best.pt) and a judge, and
// answers the code manifold's requests (CodeManifoldSource) with the computation the Addition
// page uses too (manifold/CodeManifoldState.h). The GUI thread never touches a tensor.
//
//   auto* inference = new AutoencoderInference(this);
//   inference->useModel(record.model);         // the run shown
//   inference->openJudgeRun(shipped + "/judge");
//   panel = new CodeManifoldPanel(inference, tr("Train or open a run to see its codes."));
//
// Threads: create, call and destroy on the GUI thread. shutdown() (run by the destructor) drops
// what waits and waits for the request being computed.

#include <memory>
#include <string>

#include "inference/InferenceClient.h"
#include "manifold/CodeManifoldSource.h"

namespace learn2add::ui {

struct AutoencoderModelSnapshot;

class AutoencoderInference : public CodeManifoldSource {
    Q_OBJECT
public:
    explicit AutoencoderInference(QObject* parent = nullptr);
    ~AutoencoderInference() override;

    // From now on, answer with this model; null: no model (the panels say so). The same snapshot
    // again changes nothing.
    void useModel(std::shared_ptr<AutoencoderModelSnapshot> snapshot);
    const AutoencoderModelSnapshot* model() const { return model_.get(); }
    // The judge that reads the decoded points (opened on the inference thread; failure: failed()).
    void openJudgeRun(const QString& folder);

    bool hasModel() const override { return model_ != nullptr; }
    quint64 requestManifold(ManifoldRequest request) override;
    quint64 requestPlanePoint(QPointF point, bool chosen = false) override;
    void shutdown();

Q_SIGNALS:
    void failed(QString message);

private:
    struct Models;  // on the inference thread: touched by this client's work only
    template <typename Work>
    void post(const std::string& name, InferenceClient::Priority priority, Work&& work);

    std::shared_ptr<Models> models_;
    std::shared_ptr<AutoencoderModelSnapshot> model_;  // the one in use (GUI side)
    InferenceClient client_{this};  // after models_: destroyed (and waited for) first
    quint64 nextSequence_ = 1;
};

}  // namespace learn2add::ui
