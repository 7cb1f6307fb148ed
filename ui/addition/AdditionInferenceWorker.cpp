// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "addition/AdditionInferenceWorker.h"

#include <c10/util/Exception.h>
#include <torch/torch.h>

#include <cmath>
#include <exception>

#include "addition/AdditionModelSnapshot.h"
#include "addition/AdditionTensorViews.h"
#include "infer/AdditionRun.h"
#include "models/DecoderKind.h"
#include "track/RunFolder.h"

namespace learn2add::ui {
namespace {

constexpr int kMaxSweepTiles = 101;
constexpr int kMaxStudyTransitionPoints = 1001;

// Runs `work`, turning LibTorch and standard errors into `onError(message)`.
template <typename Work, typename OnError>
void guardedAddition(Work&& work, OnError&& onError) {
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

torch::Tensor studyAddends(const std::vector<double>& addends) {
    std::vector<float> values(addends.begin(), addends.end());
    return torch::tensor(values, torch::kFloat32).reshape({-1, 1});
}

}  // namespace

struct AdditionInferenceWorker::Models {
    models::AdditionModel model{nullptr};
    models::DigitJudge judge{nullptr};
};

AdditionInferenceWorker::AdditionInferenceWorker(std::shared_ptr<InferenceMailbox> mailbox,
                                                 QObject* parent)
    : QObject(parent), mailbox_(std::move(mailbox)), models_(std::make_unique<Models>()) {}

AdditionInferenceWorker::~AdditionInferenceWorker() = default;

void AdditionInferenceWorker::openAdditionRun(const QString& folder) {
    guardedAddition(
        [&] {
            infer::AdditionRun run = infer::openAdditionRun(folder.toStdString());
            run.model->eval();
            models_->model = run.model;
            OpenedRunInfo info;
            info.folder = folder;
            info.description =
                QStringLiteral("%1 · code %2 · best epoch %3")
                    .arg(QString::fromStdString(models::toString(run.model->decoderKind())))
                    .arg(run.model->codeSize())
                    .arg(run.checkpoint.epoch);
            try {
                info.metrics = track::RunFolder::open(folder.toStdString()).readMetrics();
            } catch (const std::exception&) {
                // No curves for the Train tab; the model itself opened.
            }
            Q_EMIT additionRunOpened(info);
        },
        [&](const QString& message) { Q_EMIT openFailed(QStringLiteral("addition"), message); });
}

void AdditionInferenceWorker::openJudgeRun(const QString& folder) {
    guardedAddition(
        [&] {
            infer::JudgeRun run = infer::openJudgeRun(folder.toStdString());
            run.judge->eval();
            models_->judge = run.judge;
            OpenedRunInfo info;
            info.folder = folder;
            info.testAccuracy = run.testAccuracy;
            info.description =
                run.testAccuracy >= 0
                    ? QStringLiteral("test accuracy %1%").arg(100.0 * run.testAccuracy, 0, 'f', 2)
                    : QStringLiteral("test accuracy unknown");
            Q_EMIT judgeRunOpened(info);
        },
        [&](const QString& message) { Q_EMIT openFailed(QStringLiteral("judge"), message); });
}

void AdditionInferenceWorker::useModel(const std::shared_ptr<AdditionModelSnapshot>& snapshot) {
    if (!snapshot || !snapshot->model) return;
    snapshot->model->eval();
    models_->model = snapshot->model;
    Q_EMIT modelReplaced(snapshot->description);
}

void AdditionInferenceWorker::drain() {
    std::optional<OutputRequest> output;
    std::optional<StudyRequest> study;
    std::optional<GridRequest> grid;
    {
        std::lock_guard lock(mailbox_->mutex);
        mailbox_->drainScheduled = false;
        output.swap(mailbox_->output);
        study.swap(mailbox_->study);
        grid.swap(mailbox_->grid);
    }
    if (!models_->model) return;  // nothing to answer with; the page asks again after opening
    const auto onError = [this](const QString& message) { Q_EMIT failed(message); };
    if (output) guardedAddition([&] { Q_EMIT outputReady(computeOutput(*output)); }, onError);
    if (grid)
        guardedAddition([&] { Q_EMIT gridReady(grid->sequence, computeGrid(*grid)); }, onError);
    if (study) guardedAddition([&] { Q_EMIT studyReady(computeStudy(*study)); }, onError);
}

OutputResult AdditionInferenceWorker::computeOutput(const OutputRequest& request) {
    torch::NoGradGuard noGrad;
    models::AdditionModel& model = models_->model;
    const torch::Tensor x = inputTensor(request.input, static_cast<int>(model->imageSize()));
    const torch::Tensor generated = model->add(x, studyAddends({request.addend}));
    OutputResult result;
    result.sequence = request.sequence;
    result.addend = request.addend;
    result.image = tensorImage(generated[0]);
    if (models_->judge) {
        const torch::Tensor p =
            models_->judge->probabilities(infer::at32(generated))[0].contiguous();
        result.probabilities.assign(p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
        result.read = static_cast<int>(p.argmax().item<std::int64_t>());
    }
    return result;
}

StudyResult AdditionInferenceWorker::computeStudy(const StudyRequest& request) {
    torch::NoGradGuard noGrad;
    StudyResult result;
    result.sequence = request.sequence;
    std::vector<double> addends = request.stripAddends;
    const std::size_t stripCount = addends.size();
    const double step = request.sweepStep > 0 ? request.sweepStep : 0.1;
    const int sweepCount = std::clamp(
        static_cast<int>(std::floor((request.sweepTo - request.sweepFrom) / step + 1e-6)) + 1, 1,
        kMaxSweepTiles);
    for (int k = 0; k < sweepCount; ++k) addends.push_back(request.sweepFrom + k * step);
    const int points = std::clamp(request.transitionPoints, 2, kMaxStudyTransitionPoints);
    for (int k = 0; k < points; ++k) {
        const double u = request.transitionFrom +
                         (request.transitionTo - request.transitionFrom) * k / (points - 1);
        addends.push_back(u);
        result.transitionAddends.push_back(u);
    }

    models::AdditionModel& model = models_->model;
    const torch::Tensor x = inputTensor(request.input, static_cast<int>(model->imageSize()));
    const auto n = static_cast<std::int64_t>(addends.size());
    const torch::Tensor generated = model->add(x.expand({n, -1, -1, -1}), studyAddends(addends));
    torch::Tensor probabilities;
    torch::Tensor reads;
    if (models_->judge) {
        probabilities = models_->judge->probabilities(infer::at32(generated)).contiguous();
        reads = probabilities.argmax(1);
    }
    const auto tile = [&](std::size_t k) {
        return StudyTile{
            addends[k], tensorImage(generated[static_cast<std::int64_t>(k)]),
            reads.defined()
                ? static_cast<int>(reads[static_cast<std::int64_t>(k)].item<std::int64_t>())
                : -1};
    };
    for (std::size_t k = 0; k < stripCount; ++k) result.strip.push_back(tile(k));
    for (int k = 0; k < sweepCount; ++k) result.sweep.push_back(tile(stripCount + k));
    if (probabilities.defined()) {
        const std::size_t first = stripCount + static_cast<std::size_t>(sweepCount);
        const float* p = probabilities.data_ptr<float>();
        for (int digit = 0; digit < kGridDigits; ++digit) {
            auto& curve = result.transition[static_cast<std::size_t>(digit)];
            for (int k = 0; k < points; ++k) curve.push_back(p[(first + k) * kGridDigits + digit]);
        }
    }
    return result;
}

GridPicture AdditionInferenceWorker::computeGrid(const GridRequest& request) {
    models::AdditionModel& model = models_->model;
    const int size = static_cast<int>(model->imageSize());
    std::vector<torch::Tensor> images;
    for (const AdditionInput& input : request.inputs) images.push_back(inputTensor(input, size));
    models::DigitJudge* judge = models_->judge ? &models_->judge : nullptr;
    const infer::AdditionGrid grid = infer::computeAdditionGrid(model, torch::cat(images), judge);
    return gridPicture(grid, judge != nullptr, 0);
}

}  // namespace learn2add::ui
