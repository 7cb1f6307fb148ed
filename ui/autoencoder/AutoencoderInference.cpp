// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "autoencoder/AutoencoderInference.h"

#include <torch/torch.h>

#include "autoencoder/AutoencoderModelSnapshot.h"
#include "infer/AdditionRun.h"
#include "infer/OpenedRuns.h"
#include "manifold/CodeManifoldState.h"

namespace learn2add::ui {

using Priority = InferenceClient::Priority;

struct AutoencoderInference::Models {
    models::Autoencoder model{nullptr};
    std::shared_ptr<const infer::JudgeRun> judgeRun;  // shared with the other pages (the store)
    models::DigitJudge judge{nullptr};
    CodeManifoldState manifold;  // reset with the model
};

AutoencoderInference::AutoencoderInference(QObject* parent)
    : CodeManifoldSource(parent), models_(std::make_shared<Models>()) {}

AutoencoderInference::~AutoencoderInference() {
    shutdown();
}

void AutoencoderInference::shutdown() {
    client_.shutdown();
}

template <typename Work>
void AutoencoderInference::post(const std::string& name, Priority priority, Work&& work) {
    client_.postWith(name, priority, models_, std::forward<Work>(work),
                     [this](const QString& message) { Q_EMIT failed(message); });
}

void AutoencoderInference::useModel(std::shared_ptr<AutoencoderModelSnapshot> snapshot) {
    if (snapshot == model_) return;
    model_ = snapshot;
    post("model", Priority::Command, [snapshot = std::move(snapshot)](Models& models) {
        models.model = snapshot ? snapshot->model : models::Autoencoder(nullptr);
        models.manifold.reset();
    });
}

void AutoencoderInference::openJudgeRun(const QString& folder) {
    client_.postWith(
        "judge", Priority::Command, models_,
        [this, folder](Models& models) {
            models.judgeRun = client_.runs().judge(folder.toStdString());
            models.judge = models.judgeRun->judge;
        },
        [this, folder](const QString& message) {
            Q_EMIT failed(tr("the judge %1 could not be opened: %2").arg(folder, message));
        });
}

quint64 AutoencoderInference::requestManifold(ManifoldRequest request) {
    request.sequence = nextSequence_++;
    post("manifold", Priority::Study, [this, request](Models& models) {
        if (!models.model || !request.validation) return;
        ManifoldPicture picture = models.manifold.draw(models.model, request);
        client_.deliver([this, picture = std::move(picture)] { Q_EMIT manifoldReady(picture); });
    });
    return request.sequence;
}

quint64 AutoencoderInference::requestPlanePoint(QPointF point, bool chosen) {
    const quint64 sequence = nextSequence_++;
    post(chosen ? "chosen plane point" : "plane point", Priority::Interactive,
         [this, sequence, point](Models& models) {
             PlanePoint result{sequence, point, {}, -1};
             if (models.model) {
                 result = models.manifold.decode(models.model, sequence, point,
                                                 models.judge ? &models.judge : nullptr);
             }
             client_.deliver([this, result = std::move(result)] { Q_EMIT planePointReady(result); });
         });
    return sequence;
}

}  // namespace learn2add::ui
