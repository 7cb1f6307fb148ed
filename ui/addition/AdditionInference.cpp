// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "addition/AdditionInference.h"

#include <torch/torch.h>

#include <chrono>
#include <optional>

#include "addition/AdditionModelSnapshot.h"
#include "infer/AdditionEvaluation.h"
#include "infer/AdditionExplorer.h"
#include "infer/AlgebraProbes.h"
#include "infer/CodeMorph.h"
#include "infer/FeatureMaps.h"
#include "infer/GreyImageTensors.h"
#include "infer/OpenedRuns.h"
#include "inference/InferenceImages.h"
#include "manifold/CodeManifoldState.h"
#include "track/RunFolder.h"

namespace learn2add::ui {

using Priority = InferenceClient::Priority;

struct AdditionInference::Models {
    models::AdditionModel model{nullptr};
    models::DigitJudge judge{nullptr};
    // The opened runs, shared with the other pages through the store; run is null for a
    // training's snapshot.
    std::shared_ptr<const infer::AdditionRun> run;
    std::shared_ptr<const infer::JudgeRun> judgeRun;
    infer::EncodedInput encoded;
    data::HeldOutCells heldOut;  // of the model's training, marked on its grid
    // The code plane of the model (fitted on the first manifold request's images); reset with
    // the model, as `encoded`.
    CodeManifoldState manifold;

    void replaceModel(models::AdditionModel replacement) {
        model = std::move(replacement);
        encoded = {};  // the old model's code is of no use
        manifold.reset();
    }

    models::DigitJudge* judgeModel() { return judge ? &judge : nullptr; }
};

AdditionInference::AdditionInference(QObject* parent)
    : CodeManifoldSource(parent), models_(std::make_shared<Models>()) {
    registerAdditionMetaTypes();
}

AdditionInference::~AdditionInference() {
    shutdown();
}

void AdditionInference::shutdown() {
    client_.shutdown();
}

// Posts `work`, run on the inference thread with this client's models; its errors come back as
// failed().
template <typename Work>
void AdditionInference::post(const std::string& name, Priority priority, Work&& work) {
    client_.postWith(name, priority, models_, std::forward<Work>(work),
                     [this](const QString& message) { Q_EMIT failed(message); });
}

void AdditionInference::openAdditionRun(const QString& folder) {
    // Opening and a training's snapshot each have their own name, so neither drops the other;
    // both are commands, run in the order posted: the later one's model stays.
    client_.post(
        "open", Priority::Command,
        [this, models = models_, folder] {
            std::shared_ptr<const infer::AdditionRun> run =
                client_.runs().addition(folder.toStdString());
            models->run = run;
            models->replaceModel(run->model);
            models->heldOut = run->heldOut;
            OpenedRunInfo info;
            info.folder = folder;
            info.description = describeAdditionRun(*run);
            try {
                info.metrics = track::RunFolder::open(folder.toStdString()).readMetrics();
            } catch (const std::exception&) {
                // No curves for the Train tab; the model itself opened.
            }
            client_.deliver([this, info] {
                hasModel_ = true;
                Q_EMIT additionRunOpened(info);
            });
            return false;
        },
        [this](const QString& message) { Q_EMIT openFailed(QStringLiteral("addition"), message); });
}

void AdditionInference::openJudgeRun(const QString& folder) {
    client_.post(
        "judge", Priority::Command,
        [this, models = models_, folder] {
            std::shared_ptr<const infer::JudgeRun> run = client_.runs().judge(folder.toStdString());
            models->judgeRun = run;
            models->judge = run->judge;
            OpenedRunInfo info;
            info.folder = folder;
            info.testAccuracy = run->testAccuracy;
            info.description = describeJudgeRun(*run);
            client_.deliver([this, info] {
                hasJudge_ = true;
                Q_EMIT judgeRunOpened(info);
            });
            return false;
        },
        [this](const QString& message) { Q_EMIT openFailed(QStringLiteral("judge"), message); });
}

void AdditionInference::useModel(std::shared_ptr<AdditionModelSnapshot> snapshot) {
    if (!snapshot || !snapshot->model) return;
    post("snapshot", Priority::Command, [this, snapshot = std::move(snapshot)](Models& models) {
        snapshot->model->eval();
        models.run.reset();
        models.replaceModel(snapshot->model);
        models.heldOut = snapshot->heldOut;
        client_.deliver([this, description = snapshot->description] {
            hasModel_ = true;
            Q_EMIT modelReplaced(description);
        });
    });
}

quint64 AdditionInference::requestOutput(AdditionInput input, double addend) {
    const quint64 sequence = nextSequence_++;
    post("output", Priority::Interactive,
         [this, sequence, input = greyImageOf(input), addend](Models& models) {
             if (!models.model) return;  // nothing to answer with; the page asks again later
             const infer::JudgedOutput out = infer::addToInput(
                 models.model, models.judgeModel(), models.encoded, input, addend);
             OutputResult result{sequence, addend, toQImage(out.image), out.probabilities,
                                 out.read};
             client_.deliver([this, result = std::move(result)] { Q_EMIT outputReady(result); });
         });
    return sequence;
}

quint64 AdditionInference::requestStudy(StudyRequest request) {
    request.sequence = nextSequence_++;
    post("study", Priority::Study, [this, request](Models& models) {
        if (!models.model) return;
        const infer::InputStudy study = infer::studyInput(models.model, models.judgeModel(), models.encoded,
                                                          greyImageOf(request.input), request.settings);
        StudyResult result;
        result.sequence = request.sequence;
        for (const infer::JudgedTile& tile : study.strip)
            result.strip.push_back({tile.addend, toQImage(tile.image), tile.read});
        for (const infer::JudgedTile& tile : study.sweep)
            result.sweep.push_back({tile.addend, toQImage(tile.image), tile.read});
        result.transitionAddends = study.transitionAddends;
        result.transition = study.transition;
        client_.deliver([this, result = std::move(result)] { Q_EMIT studyReady(result); });
    });
    return request.sequence;
}

quint64 AdditionInference::requestGrid(std::array<AdditionInput, kGridDigits> inputs) {
    const quint64 sequence = nextSequence_++;
    post("grid", Priority::Study, [this, sequence, inputs = std::move(inputs)](Models& models) {
        if (!models.model) return;
        const int size = static_cast<int>(models.model->imageSize());
        std::vector<torch::Tensor> images;
        for (const AdditionInput& input : inputs)
            images.push_back(infer::inputTensor(greyImageOf(input), size));
        models::DigitJudge* judge = models.judgeModel();
        const infer::AdditionGrid grid =
            infer::computeAdditionGrid(models.model, torch::cat(images), judge);
        client_.deliver([this, sequence, picture = gridPicture(grid, judge != nullptr, 0, models.heldOut)] {
            Q_EMIT gridReady(sequence, picture);
        });
    });
    return sequence;
}

quint64 AdditionInference::requestManifold(ManifoldRequest request) {
    request.sequence = nextSequence_++;
    post("manifold", Priority::Study, [this, request](Models& models) {
        if (!models.model || !request.validation) return;
        models::Autoencoder autoencoder = models.model->autoencoder();
        ManifoldPicture picture = models.manifold.draw(autoencoder, request);
        client_.deliver([this, picture = std::move(picture)] { Q_EMIT manifoldReady(picture); });
    });
    return request.sequence;
}

quint64 AdditionInference::requestPlanePoint(QPointF point, bool chosen) {
    const quint64 sequence = nextSequence_++;
    post(chosen ? "chosen plane point" : "plane point", Priority::Interactive, [this, sequence, point](Models& models) {
        PlanePoint result{sequence, point, {}, -1};
        if (models.model) {
            models::Autoencoder autoencoder = models.model->autoencoder();
            result = models.manifold.decode(autoencoder, sequence, point, models.judgeModel());
        }
        client_.deliver([this, result = std::move(result)] { Q_EMIT planePointReady(result); });
    });
    return sequence;
}

namespace {

std::vector<StudyTile> studyTiles(const std::vector<infer::MorphTile>& tiles, bool sums) {
    std::vector<StudyTile> out;
    for (const infer::MorphTile& tile : tiles) out.push_back({sums ? tile.addend : tile.t, toQImage(tile.image), tile.read});
    return out;
}

}  // namespace

quint64 AdditionInference::requestMorph(MorphRequest request) {
    request.sequence = nextSequence_++;
    post("morph", Priority::Study, [this, request](Models& models) {
        if (!models.model || request.from.empty() || request.to.empty()) return;
        models::Autoencoder autoencoder = models.model->autoencoder();
        infer::MorphSettings settings = request.settings;
        settings.fromDigit = request.from.digit;
        settings.toDigit = request.to.digit;
        const infer::MorphStudy study = infer::morphInputs(autoencoder, &models.model, models.judgeModel(),
                                                           greyImageOf(request.from), greyImageOf(request.to), settings);
        MorphPicture picture{request.sequence, studyTiles(study.morph, false), studyTiles(study.addition, true),
                             study.meanL2};
        client_.deliver([this, picture = std::move(picture)] { Q_EMIT morphReady(picture); });
    });
    return request.sequence;
}

quint64 AdditionInference::requestMorphPoint(AdditionInput from, AdditionInput to, double t, infer::MorphPath path) {
    const quint64 sequence = nextSequence_++;
    post("morph point", Priority::Interactive,
         [this, sequence, from = greyImageOf(from), to = greyImageOf(to), t, path](Models& models) {
             if (!models.model || from.empty() || to.empty()) return;
             models::Autoencoder autoencoder = models.model->autoencoder();
             const infer::MorphTile tile = infer::morphAt(autoencoder, models.judgeModel(), from, to, t, path);
             MorphPoint point{sequence, t, toQImage(tile.image), tile.read};
             client_.deliver([this, point = std::move(point)] { Q_EMIT morphPointReady(point); });
         });
    return sequence;
}

quint64 AdditionInference::requestFeatureMaps(AdditionInput input, double addend, QString inputCaption) {
    const quint64 sequence = nextSequence_++;
    post("feature maps", Priority::Interactive,
         [this, sequence, input = greyImageOf(input), addend, inputCaption](Models& models) {
             if (!models.model || input.empty()) return;
             const infer::FeatureMaps maps = infer::featureMaps(models.model, input, addend);
             FeatureMapPicture picture{
                 sequence, featureMapChart(maps, inputCaption,
                                           inputCaption + QStringLiteral(" + ") + QString::number(addend, 'f', 2))};
             client_.deliver([this, picture = std::move(picture)] { Q_EMIT featureMapsReady(picture); });
         });
    return sequence;
}

quint64 AdditionInference::requestProbes(std::shared_ptr<const data::DigitSet> test, int imagesPerDigit) {
    const quint64 sequence = nextSequence_++;
    struct Measurement {
        infer::AlgebraProbes probes;
        // The models of the first step, kept for every digit: a model replaced meanwhile (a
        // training's next epoch) does not mix into the tables.
        models::AdditionModel model{nullptr};
        models::DigitJudge judge{nullptr};
        int nextDigit = 0;
        std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    };
    auto measurement = std::make_shared<Measurement>();
    measurement->probes.imagesPerDigit = imagesPerDigit;
    client_.post(
        "probes", Priority::Background,
        [this, models = models_, sequence, test, imagesPerDigit, measurement] {
            Measurement& m = *measurement;
            if (!m.model) {
                if (!models->model || !models->judge || !test) return false;
                m.model = models->model;
                m.judge = models->judge;
            }
            infer::probeDigit(m.model, m.judge, *test, m.nextDigit, imagesPerDigit, m.probes);
            ++m.nextDigit;
            client_.deliver([this, progress = ProbesProgress{sequence, m.nextDigit}] { Q_EMIT probesProgress(progress); });
            if (m.nextDigit < 10) return true;
            infer::totalProbes(m.probes);
            ProbesPicture picture{sequence, m.probes,
                                  std::chrono::duration<double>(std::chrono::steady_clock::now() - m.start).count()};
            client_.deliver([this, picture = std::move(picture)] { Q_EMIT probesReady(picture); });
            return false;
        },
        [this](const QString& message) { Q_EMIT failed(message); });
    return sequence;
}

}  // namespace learn2add::ui
