// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "comparison/ComparisonWorker.h"

#include <c10/util/Exception.h>
#include <torch/torch.h>

#include <cmath>
#include <exception>
#include <map>

#include "addition/AdditionTensorViews.h"
#include "comparison/ComparisonComputations.h"
#include "comparison/LatentProjection.h"
#include "data/DigitTensors.h"
#include "infer/AdditionEvaluation.h"
#include "infer/AdditionRun.h"
#include "models/DecoderKind.h"

namespace learn2add::ui {
namespace {

constexpr std::size_t kMaxLatentCodes = 2000;  // validation codes drawn per model
constexpr std::int64_t kAccuracyChunk = 32;    // test images per accuracy step

// Runs `work`, turning LibTorch and standard errors into `onError(message)`.
template <typename Work, typename OnError>
void guardedComparison(Work&& work, OnError&& onError) {
    try {
        work();
    } catch (const c10::Error& error) {
        onError(QString::fromStdString(error.what_without_backtrace()));
    } catch (const std::exception& error) {
        onError(QString::fromStdString(error.what()));
    } catch (...) {
        onError(QStringLiteral("an unknown error"));
    }
}

// At most `count` indices spread evenly over 0 .. size - 1.
std::vector<std::size_t> spreadIndices(std::size_t size, std::size_t count) {
    std::vector<std::size_t> indices(std::min(size, count));
    for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = i * size / indices.size();
    return indices;
}

}  // namespace

struct ComparisonWorker::State {
    struct Slot {
        models::AdditionModel model{nullptr};
        std::optional<LatentProjection> plane;
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
    std::shared_ptr<const LoadedData> data;
    std::map<int, Tensors> tensors;

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

ComparisonWorker::ComparisonWorker(std::shared_ptr<ComparisonMailbox> mailbox, QObject* parent)
    : QObject(parent), mailbox_(std::move(mailbox)), state_(std::make_unique<State>()) {}

ComparisonWorker::~ComparisonWorker() = default;

void ComparisonWorker::openRun(int slot, const QString& folder) {
    guardedComparison(
        [&] {
            if (slot < 0 || slot >= kComparisonSlots) throw std::out_of_range("no such model slot");
            infer::AdditionRun run = infer::openAdditionRun(folder.toStdString());
            run.model->eval();
            state_->slots[static_cast<std::size_t>(slot)].model = run.model;
            ComparisonRunInfo info;
            info.slot = slot;
            info.folder = folder;
            info.kind = QString::fromStdString(models::toString(run.variant));
            info.displayName = QString::fromStdString(models::displayName(run.variant));
            info.variational = models::hasVariationalEncoder(run.variant) ||
                               models::hasGenerativeAdder(run.variant);
            info.generative = models::hasGenerativeAdder(run.variant);
            info.codeSize = static_cast<int>(run.model->codeSize());
            info.description =
                QStringLiteral("%1 · code %2 · best epoch %3")
                    .arg(QString::fromStdString(models::toString(run.model->decoderKind())))
                    .arg(info.codeSize)
                    .arg(run.checkpoint.epoch);
            Q_EMIT runOpened(info);
            markForEvaluation(slot, true);
        },
        [&](const QString& message) { Q_EMIT openFailed(slot, message); });
}

void ComparisonWorker::openJudgeRun(const QString& folder) {
    guardedComparison(
        [&] {
            infer::JudgeRun run = infer::openJudgeRun(folder.toStdString());
            run.judge->eval();
            state_->judge = run.judge;
            ComparisonRunInfo info;
            info.slot = kJudgeSlot;
            info.folder = folder;
            info.kind = QStringLiteral("judge");
            info.displayName = QStringLiteral("Judge");
            info.description =
                run.testAccuracy >= 0
                    ? QStringLiteral("test accuracy %1%").arg(100.0 * run.testAccuracy, 0, 'f', 2)
                    : QStringLiteral("test accuracy unknown");
            Q_EMIT runOpened(info);
            for (int slot = 0; slot < kComparisonSlots; ++slot) markForEvaluation(slot, false);
        },
        [&](const QString& message) { Q_EMIT openFailed(kJudgeSlot, message); });
}

void ComparisonWorker::setData(std::shared_ptr<const LoadedData> data) {
    guardedComparison(
        [&] {
            state_->data = std::move(data);
            state_->tensors.clear();  // made again, lazily, from the new data
            for (int slot = 0; slot < kComparisonSlots; ++slot) markForEvaluation(slot, true);
        },
        [&](const QString& message) { Q_EMIT failed(message); });
}

void ComparisonWorker::markForEvaluation(int slot, bool codes) {
    State::Slot& s = state_->slots[static_cast<std::size_t>(slot)];
    if (!s.model) return;
    if (codes) {
        s.plane.reset();
        s.codesPending = true;
    }
    s.gridPending = true;
    s.accuracyNext = state_->judge ? 0 : -1;
    s.correct = s.total = 0;
    scheduleDrain();
}

void ComparisonWorker::scheduleDrain() {
    {
        std::lock_guard lock(mailbox_->mutex);
        if (mailbox_->drainScheduled) return;
        mailbox_->drainScheduled = true;
    }
    QMetaObject::invokeMethod(
        this, [this] { drain(); }, Qt::QueuedConnection);
}

void ComparisonWorker::drain() {
    // One piece of work per call, the most urgent first: a view, else the study, else one
    // evaluation step. A view asked for meanwhile then waits for one piece at most.
    std::optional<ComparisonViewRequest> view;
    std::optional<ComparisonStudyRequest> study;
    bool more = false;
    {
        std::lock_guard lock(mailbox_->mutex);
        mailbox_->drainScheduled = false;
        if (mailbox_->view) {
            view.swap(mailbox_->view);
        } else {
            study.swap(mailbox_->study);
        }
        more = mailbox_->study.has_value();
    }
    std::vector<ComparedModel> models;
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        const State::Slot& s = state_->slots[static_cast<std::size_t>(slot)];
        if (s.model) models.push_back({slot, s.model, s.plane ? &*s.plane : nullptr});
    }
    models::DigitJudge* judge = state_->judge ? &state_->judge : nullptr;
    const auto onError = [this](const QString& message) { Q_EMIT failed(message); };
    if (view && !models.empty()) {
        guardedComparison([&] { Q_EMIT viewReady(computeComparisonView(models, judge, *view)); },
                          onError);
    } else if (study && !models.empty()) {
        guardedComparison([&] { Q_EMIT studyReady(computeComparisonStudy(models, judge, *study)); },
                          onError);
    } else {
        more = evaluateOneStep() || more;
    }
    if (more || hasPendingEvaluation()) scheduleDrain();
}

void ComparisonWorker::setEvaluating(bool on) {
    evaluating_ = on;
    if (on && hasPendingEvaluation()) scheduleDrain();
}

bool ComparisonWorker::hasPendingEvaluation() const {
    if (!evaluating_ || !state_->data) return false;
    for (const State::Slot& s : state_->slots) {
        if (s.model &&
            (s.codesPending || s.gridPending || (s.accuracyNext >= 0 && state_->judge))) {
            return true;
        }
    }
    return false;
}

bool ComparisonWorker::evaluateOneStep() {
    if (!evaluating_ || !state_->data) return false;
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        State::Slot& s = state_->slots[static_cast<std::size_t>(slot)];
        if (!s.model) continue;
        const auto onError = [&](const QString& message) {
            s.codesPending = s.gridPending = false;
            s.accuracyNext = -1;
            Q_EMIT failed(
                QStringLiteral("Evaluating the model in slot %1: %2").arg(slot + 1).arg(message));
        };
        if (s.codesPending) {
            s.codesPending = false;
            guardedComparison(
                [&] {
                    torch::NoGradGuard noGrad;
                    const State::Tensors& t =
                        state_->tensorsAt(static_cast<int>(s.model->imageSize()));
                    const torch::Tensor codes = s.model->autoencoder()->encode(t.validation);
                    s.plane = LatentProjection::fit(codes);
                    const torch::Tensor xy = s.plane->project(codes);
                    LatentCodes latent;
                    latent.slot = slot;
                    latent.codes2d.assign(xy.data_ptr<float>(), xy.data_ptr<float>() + xy.numel());
                    latent.labels = t.validationLabels;
                    latent.axes = QString::fromStdString(s.plane->describe());
                    Q_EMIT latentReady(latent);
                },
                onError);
            return true;
        }
        if (s.gridPending) {
            s.gridPending = false;
            guardedComparison(
                [&] {
                    const State::Tensors& t =
                        state_->tensorsAt(static_cast<int>(s.model->imageSize()));
                    models::DigitJudge* judge = state_->judge ? &state_->judge : nullptr;
                    const infer::AdditionGrid grid =
                        infer::computeAdditionGrid(s.model, t.gridInputs, judge);
                    Q_EMIT gridReady(ModelGrid{slot, gridPicture(grid, judge != nullptr, 0)});
                },
                onError);
            return true;
        }
        if (s.accuracyNext >= 0 && state_->judge) {
            guardedComparison(
                [&] {
                    const State::Tensors& t =
                        state_->tensorsAt(static_cast<int>(s.model->imageSize()));
                    const std::int64_t n = t.test.size(0);
                    const std::int64_t end = std::min(n, s.accuracyNext + kAccuracyChunk);
                    const infer::AdditionAccuracy chunk = infer::measureAdditionAccuracy(
                        s.model, state_->judge, t.test.slice(0, s.accuracyNext, end),
                        t.testLabels.slice(0, s.accuracyNext, end));
                    s.correct += std::llround(chunk.overall * static_cast<double>(chunk.total));
                    s.total += chunk.total;
                    s.accuracyNext = end < n ? end : -1;
                    const double overall =
                        s.total > 0 ? static_cast<double>(s.correct) / s.total : 0.0;
                    Q_EMIT accuracyReady(
                        ModelAccuracy{slot, overall, s.total, end, n, s.accuracyNext < 0});
                },
                onError);
            return true;
        }
    }
    return false;
}

}  // namespace learn2add::ui
