// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "comparison/ComparisonInference.h"

#include <torch/torch.h>

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "data/DigitTensors.h"
#include "infer/AdditionEvaluation.h"
#include "infer/LatentProjection.h"
#include "infer/ModelComparison.h"
#include "infer/OpenedRuns.h"
#include "inference/InferenceImages.h"
#include "models/DecoderKind.h"

namespace learn2add::ui {
namespace {

using Priority = InferenceClient::Priority;

constexpr std::size_t kMaxLatentCodes = 2000;  // validation codes drawn per model
constexpr std::int64_t kAccuracyChunk = 32;    // test images per accuracy step

// At most `count` indices spread evenly over 0 .. size - 1.
std::vector<std::size_t> spreadIndices(std::size_t size, std::size_t count) {
    std::vector<std::size_t> indices(std::min(size, count));
    for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = i * size / indices.size();
    return indices;
}

ModelView modelView(infer::ModelAtAddend&& row) {
    ModelView view;
    view.slot = row.slot;
    view.mean = toQImage(row.mean);
    view.read = row.read;
    view.readProbability = row.readProbability;
    view.expectedDigit = row.expectedDigit;
    view.samples = toQImages(row.samples);
    view.sampleReads = std::move(row.sampleReads);
    view.sampleMean = toQImage(row.sampleMean);
    view.sampleSpread = toQImage(row.sampleSpread);
    view.spreadMean = row.spreadMean;
    view.hasLatentPoint = row.hasLatentPoint;
    view.latentX = row.latentX;
    view.latentY = row.latentY;
    return view;
}

ModelStudy modelStudy(infer::ModelInputStudy&& values, const std::vector<double>& stripAddends) {
    ModelStudy study;
    study.slot = values.slot;
    for (std::size_t k = 0; k < values.strip.size(); ++k) {
        study.strip.push_back({stripAddends[k], toQImage(values.strip[k]), values.stripReads[k]});
    }
    study.stripExpected = std::move(values.stripExpected);
    study.expectedDigit = std::move(values.expectedDigit);
    study.pathAddends = std::move(values.pathAddends);
    study.pathX = std::move(values.pathX);
    study.pathY = std::move(values.pathY);
    return study;
}

}  // namespace

struct ComparisonInference::Models {
    struct Slot {
        models::AdditionModel model{nullptr};
        std::shared_ptr<const infer::AdditionRun> run;  // shared with the other pages
        std::optional<infer::LatentProjection> plane;
        infer::EncodedInput encoded;
        bool codesPending = false;
        bool gridPending = false;
        std::int64_t accuracyNext = -1;  // the next test image of the accuracy pass; -1: none
        std::int64_t correct = 0, total = 0;
    };
    // The splits at one model image size, made once per data.
    struct Tensors {
        torch::Tensor test, testLabels, validation, gridInputs;
        std::vector<std::uint8_t> validationLabels;
    };

    std::array<Slot, kComparisonSlots> slots;
    models::DigitJudge judge{nullptr};
    std::shared_ptr<const infer::JudgeRun> judgeRun;
    std::shared_ptr<const LoadedData> data;
    std::map<int, Tensors> tensors;
    bool evaluating = true;

    models::DigitJudge* judgeModel() { return judge ? &judge : nullptr; }

    std::vector<infer::ComparedModel> compared() {
        std::vector<infer::ComparedModel> models;
        for (int slot = 0; slot < kComparisonSlots; ++slot) {
            Slot& s = slots[static_cast<std::size_t>(slot)];
            if (s.model) models.push_back({slot, s.model, s.plane ? &*s.plane : nullptr, &s.encoded});
        }
        return models;
    }

    void markForEvaluation(int slot, bool codes) {
        Slot& s = slots[static_cast<std::size_t>(slot)];
        if (!s.model) return;
        if (codes) {
            s.plane.reset();
            s.codesPending = true;
        }
        s.gridPending = true;
        s.accuracyNext = judge ? 0 : -1;
        s.correct = s.total = 0;
    }

    bool hasPendingEvaluation() const {
        if (!evaluating || !data) return false;
        return std::any_of(slots.begin(), slots.end(), [&](const Slot& s) {
            return s.model && (s.codesPending || s.gridPending || (s.accuracyNext >= 0 && judge));
        });
    }

    const Tensors& tensorsAt(int size) {
        auto found = tensors.find(size);
        if (found != tensors.end()) return found->second;
        const data::MnistData& mnist = data->mnist;
        Tensors made;
        made.test = data::imagesToTensor(mnist.test, size);
        made.testLabels = data::labelsToTensor(mnist.test);
        const auto picked = spreadIndices(mnist.validation.size(), kMaxLatentCodes);
        made.validation = data::imagesToTensor(mnist.validation, picked, size);
        for (std::size_t i : picked) {
            made.validationLabels.push_back(static_cast<std::uint8_t>(mnist.validation.labels[i]));
        }
        std::vector<std::size_t> firsts;
        for (int d = 0; d < infer::kDigits; ++d) {
            const auto of = mnist.test.indicesOf(d);
            if (of.empty())
                throw std::runtime_error("the test split has no image of digit " +
                                         std::to_string(d));
            firsts.push_back(of.front());
        }
        made.gridInputs = data::imagesToTensor(mnist.test, firsts, size);
        return tensors.emplace(size, std::move(made)).first->second;
    }
};

ComparisonInference::ComparisonInference(QObject* parent)
    : QObject(parent), models_(std::make_shared<Models>()) {
    registerComparisonMetaTypes();
}

ComparisonInference::~ComparisonInference() {
    shutdown();
}

void ComparisonInference::shutdown() {
    client_.shutdown();
}

// Posts `work`, run on the inference thread with this client's models; its errors come back as
// failed().
template <typename Work>
void ComparisonInference::post(const std::string& name, Priority priority, Work&& work) {
    client_.postWith(name, priority, models_, std::forward<Work>(work),
                     [this](const QString& message) { Q_EMIT failed(message); });
}

void ComparisonInference::openRun(int slot, const QString& folder) {
    client_.post(
        "open " + std::to_string(slot), Priority::Command,
        [this, models = models_, slot, folder] {
            if (slot < 0 || slot >= kComparisonSlots) throw std::out_of_range("no such model slot");
            std::shared_ptr<const infer::AdditionRun> run =
                client_.runs().addition(folder.toStdString());
            Models::Slot& s = models->slots[static_cast<std::size_t>(slot)];
            s.run = run;
            s.model = run->model;
            s.encoded = {};  // the old model's code is of no use
            ComparisonRunInfo info;
            info.slot = slot;
            info.folder = folder;
            info.kind = QString::fromStdString(models::toString(run->variant));
            info.displayName = QString::fromStdString(models::displayName(run->variant));
            info.variational = models::hasVariationalEncoder(run->variant) ||
                               models::hasGenerativeAdder(run->variant);
            info.generative = models::hasGenerativeAdder(run->variant);
            info.codeSize = static_cast<int>(run->model->codeSize());
            info.description = describeAdditionRun(*run);
            client_.deliver([this, info] {
                hasModel_[static_cast<std::size_t>(info.slot)] = true;
                Q_EMIT runOpened(info);
            });
            models->markForEvaluation(slot, true);
            startEvaluation();
            return false;
        },
        [this, slot](const QString& message) { Q_EMIT openFailed(slot, message); });
}

void ComparisonInference::openJudgeRun(const QString& folder) {
    client_.post(
        "open judge", Priority::Command,
        [this, models = models_, folder] {
            std::shared_ptr<const infer::JudgeRun> run = client_.runs().judge(folder.toStdString());
            models->judgeRun = run;
            models->judge = run->judge;
            ComparisonRunInfo info;
            info.slot = kJudgeSlot;
            info.folder = folder;
            info.kind = QStringLiteral("judge");
            info.displayName = QStringLiteral("Judge");
            info.description = describeJudgeRun(*run);
            client_.deliver([this, info] {
                hasJudge_ = true;
                Q_EMIT runOpened(info);
            });
            for (int slot = 0; slot < kComparisonSlots; ++slot)
                models->markForEvaluation(slot, false);
            startEvaluation();
            return false;
        },
        [this](const QString& message) { Q_EMIT openFailed(kJudgeSlot, message); });
}

void ComparisonInference::setData(std::shared_ptr<const LoadedData> data) {
    post("data", Priority::Command, [this, data = std::move(data)](Models& models) {
        models.data = data;
        models.tensors.clear();  // made again, lazily, from the new data
        for (int slot = 0; slot < kComparisonSlots; ++slot) models.markForEvaluation(slot, true);
        startEvaluation();
    });
}

void ComparisonInference::setEvaluating(bool on) {
    post("evaluating", Priority::Command, [this, on](Models& models) {
        models.evaluating = on;
        if (on) startEvaluation();
    });
}

quint64 ComparisonInference::requestView(ComparisonViewRequest request) {
    request.sequence = nextSequence_++;
    post("view", Priority::Interactive, [this, request](Models& models) {
        const std::vector<infer::ComparedModel> compared = models.compared();
        if (compared.empty()) return;
        QElapsedTimer timer;
        timer.start();
        infer::ComparisonAtAddend values = infer::compareAtAddend(
            compared, models.judgeModel(), greyImageOf(request.input), request.settings);
        ComparisonView view;
        view.sequence = request.sequence;
        view.addend = request.settings.addend;
        view.samples = values.samples;
        view.spreadScale = values.spreadScale;
        for (infer::ModelAtAddend& row : values.rows) view.rows.push_back(modelView(std::move(row)));
        view.seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
        client_.deliver([this, view = std::move(view)] { Q_EMIT viewReady(view); });
    });
    return request.sequence;
}

quint64 ComparisonInference::requestStudy(ComparisonStudyRequest request) {
    request.sequence = nextSequence_++;
    post("study", Priority::Study, [this, request](Models& models) {
        const std::vector<infer::ComparedModel> compared = models.compared();
        if (compared.empty()) return;
        infer::ComparisonStudyValues values =
            infer::compareOverAddends(compared, models.judgeModel(), greyImageOf(request.input),
                                      request.input.digit, request.settings);
        ComparisonStudy study;
        study.sequence = request.sequence;
        study.digit = request.input.digit;
        study.transitionAddends = std::move(values.transitionAddends);
        for (infer::ModelInputStudy& model : values.models)
            study.models.push_back(modelStudy(std::move(model), request.settings.stripAddends));
        client_.deliver([this, study = std::move(study)] { Q_EMIT studyReady(study); });
    });
    return request.sequence;
}

// One step of what each opened model shows once (its codes in the plane, its grid, a chunk of
// its accuracy pass), posted again while steps remain. Runs on the inference thread.
void ComparisonInference::startEvaluation() {
    client_.post(
        "evaluate", Priority::Background,
        [this, models = models_] {
            if (!models->hasPendingEvaluation()) return false;
            Models& m = *models;
            for (int slot = 0; slot < kComparisonSlots; ++slot) {
                Models::Slot& s = m.slots[static_cast<std::size_t>(slot)];
                if (!s.model) continue;
                try {
                    if (s.codesPending) {
                        s.codesPending = false;
                        torch::NoGradGuard noGrad;
                        const Models::Tensors& t = m.tensorsAt(static_cast<int>(s.model->imageSize()));
                        const torch::Tensor codes = s.model->autoencoder()->encode(t.validation);
                        s.plane = infer::LatentProjection::fit(codes);
                        const torch::Tensor xy = s.plane->project(codes).contiguous();
                        LatentCodes latent;
                        latent.slot = slot;
                        latent.codes2d.assign(xy.data_ptr<float>(),
                                              xy.data_ptr<float>() + xy.numel());
                        latent.labels = t.validationLabels;
                        latent.axes = QString::fromStdString(s.plane->describe());
                        client_.deliver([this, latent] { Q_EMIT latentReady(latent); });
                        return models->hasPendingEvaluation();
                    }
                    if (s.gridPending) {
                        s.gridPending = false;
                        const Models::Tensors& t = m.tensorsAt(static_cast<int>(s.model->imageSize()));
                        const infer::AdditionGrid grid =
                            infer::computeAdditionGrid(s.model, t.gridInputs, m.judgeModel());
                        ModelGrid picture{slot, gridPicture(grid, m.judge ? true : false, 0)};
                        client_.deliver([this, picture] { Q_EMIT gridReady(picture); });
                        return models->hasPendingEvaluation();
                    }
                    if (s.accuracyNext >= 0 && m.judge) {
                        const Models::Tensors& t = m.tensorsAt(static_cast<int>(s.model->imageSize()));
                        const std::int64_t n = t.test.size(0);
                        const std::int64_t end = std::min(n, s.accuracyNext + kAccuracyChunk);
                        const infer::AdditionAccuracy chunk = infer::measureAdditionAccuracy(
                            s.model, m.judge, t.test.slice(0, s.accuracyNext, end),
                            t.testLabels.slice(0, s.accuracyNext, end));
                        s.correct += std::llround(chunk.overall * static_cast<double>(chunk.total));
                        s.total += chunk.total;
                        s.accuracyNext = end < n ? end : -1;
                        const double overall =
                            s.total > 0 ? static_cast<double>(s.correct) / s.total : 0.0;
                        const ModelAccuracy accuracy{slot, overall, s.total, end, n,
                                                     s.accuracyNext < 0};
                        client_.deliver([this, accuracy] { Q_EMIT accuracyReady(accuracy); });
                        return models->hasPendingEvaluation();
                    }
                } catch (...) {
                    // This model's evaluation stops; the others go on.
                    s.codesPending = s.gridPending = false;
                    s.accuracyNext = -1;
                    const QString text =
                        QStringLiteral("Evaluating the model in slot %1: %2")
                            .arg(slot + 1)
                            .arg(QString::fromStdString(infer::currentExceptionMessage()));
                    client_.deliver([this, text] { Q_EMIT failed(text); });
                    return models->hasPendingEvaluation();
                }
            }
            return false;
        },
        [this](const QString& message) { Q_EMIT failed(message); });
}

bool ComparisonInference::hasModel(int slot) const {
    return slot >= 0 && slot < kComparisonSlots && hasModel_[static_cast<std::size_t>(slot)];
}

bool ComparisonInference::hasAnyModel() const {
    return std::any_of(hasModel_.begin(), hasModel_.end(), [](bool has) { return has; });
}

}  // namespace learn2add::ui
