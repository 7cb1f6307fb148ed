// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "comparison/ComparisonComputations.h"

#include <torch/torch.h>

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>

#include "addition/AdditionTensorViews.h"
#include "comparison/LatentProjection.h"
#include "infer/AdditionEvaluation.h"

namespace learn2add::ui {
namespace {

constexpr int kMaxSamples = 64;
constexpr int kMaxTransitionPoints = 1001;
constexpr int kMaxPathPoints = 1001;

torch::Tensor addendColumn(const std::vector<double>& addends) {
    const std::vector<float> values(addends.begin(), addends.end());
    return torch::tensor(values, torch::kFloat32).reshape({-1, 1});
}

bool hasSamples(const models::AdditionModel& model) {
    return models::hasVariationalEncoder(model->variant()) ||
           models::hasGenerativeAdder(model->variant());
}

std::vector<double> toDoubles(const torch::Tensor& values) {
    const torch::Tensor flat =
        values.detach().to(torch::kCPU, torch::kFloat64).contiguous().view(-1);
    return {flat.data_ptr<double>(), flat.data_ptr<double>() + flat.numel()};
}

// P's mean code for one input code [1, C] and each addend: what add() decodes, with the input
// encoded once instead of once per addend.
torch::Tensor resultCodes(models::AdditionModel& model, const torch::Tensor& code,
                          const std::vector<double>& addends) {
    const auto n = static_cast<std::int64_t>(addends.size());
    return model->adder()->forward(code.expand({n, -1}), addendColumn(addends));
}

// One model's row; `spread` receives the samples' per-pixel standard deviation (undefined for a
// deterministic model), drawn later on the scale shared by all rows.
ModelView viewOf(const ComparedModel& compared, models::DigitJudge* judge,
                 const ComparisonViewRequest& request, torch::Tensor& spread) {
    models::AdditionModel model = compared.model;
    const torch::Tensor x = inputTensor(request.input, static_cast<int>(model->imageSize()));
    ModelView row;
    row.slot = compared.slot;
    // add() is decode(resultCode()): the code is needed for the latent plane anyway.
    const torch::Tensor code =
        resultCodes(model, model->autoencoder()->encode(x), {request.addend});
    const torch::Tensor mean = model->autoencoder()->decode(code);
    row.mean = tensorImage(mean[0]);
    if (compared.plane) {
        const torch::Tensor xy = compared.plane->project(code);
        row.hasLatentPoint = true;
        row.latentX = xy[0][0].item<double>();
        row.latentY = xy[0][1].item<double>();
    }
    torch::Tensor samples;  // [K, 1, S, S]
    if (hasSamples(model)) {
        const int k = std::clamp(request.samples, 1, kMaxSamples);
        samples = model->sampleAdd(x, addendColumn({request.addend}), k, request.seed)[0];
        for (int s = 0; s < k; ++s) row.samples.push_back(tensorImage(samples[s]));
        const torch::Tensor sampleMean = samples.mean(0);
        row.sampleMean = tensorImage(sampleMean);
        spread = (samples - sampleMean).pow(2).mean(0).sqrt();  // the population deviation
        row.spreadMean = spread.mean().item<double>();
    }
    if (judge) {
        // One judge call for the mean output and the samples.
        const torch::Tensor images = samples.defined() ? torch::cat({mean, samples}) : mean;
        const torch::Tensor p = (*judge)->probabilities(infer::at32(images)).contiguous();
        const torch::Tensor reads = p.argmax(1);
        row.read = static_cast<int>(reads[0].item<std::int64_t>());
        row.readProbability = p[0][row.read].item<double>();
        row.expectedDigit = (p[0] * torch::arange(10, torch::kFloat32)).sum().item<double>();
        for (std::int64_t s = 1; s < reads.size(0); ++s) {
            row.sampleReads.push_back(static_cast<int>(reads[s].item<std::int64_t>()));
        }
    }
    return row;
}

}  // namespace

ComparisonView computeComparisonView(const std::vector<ComparedModel>& models,
                                     models::DigitJudge* judge,
                                     const ComparisonViewRequest& request) {
    torch::NoGradGuard noGrad;
    QElapsedTimer timer;
    timer.start();
    ComparisonView view;
    view.sequence = request.sequence;
    view.addend = request.addend;
    view.samples = std::clamp(request.samples, 1, kMaxSamples);
    std::vector<torch::Tensor> spreads;
    for (const ComparedModel& compared : models) {
        torch::Tensor spread;
        view.rows.push_back(viewOf(compared, judge, request, spread));
        spreads.push_back(spread);
    }
    // One scale for every row, so that the spreads compare: the largest deviation is white.
    double largest = 0.0;
    for (const torch::Tensor& spread : spreads) {
        if (spread.defined()) largest = std::max(largest, spread.max().item<double>());
    }
    view.spreadScale = std::max(largest, 1e-3);
    for (std::size_t r = 0; r < spreads.size(); ++r) {
        if (spreads[r].defined())
            view.rows[r].sampleSpread = tensorImage(spreads[r] / view.spreadScale);
    }
    view.seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    return view;
}

ComparisonStudy computeComparisonStudy(const std::vector<ComparedModel>& models,
                                       models::DigitJudge* judge,
                                       const ComparisonStudyRequest& request) {
    torch::NoGradGuard noGrad;
    ComparisonStudy study;
    study.sequence = request.sequence;
    study.digit = request.input.digit;
    const int points = std::clamp(request.transitionPoints, 2, kMaxTransitionPoints);
    for (int k = 0; k < points; ++k) {
        study.transitionAddends.push_back(request.transitionTo * k / (points - 1));
    }
    // The path runs over the trained addends: 0 .. 9 - digit (0 .. 9 for a drawn digit).
    const double pathEnd = study.digit >= 0 ? 9.0 - study.digit : 9.0;
    const double step = request.pathStep > 0 ? request.pathStep : 0.05;
    const int pathPoints =
        std::clamp(static_cast<int>(std::lround(pathEnd / step)) + 1, 1, kMaxPathPoints);
    std::vector<double> pathAddends;
    for (int k = 0; k < pathPoints; ++k) {
        pathAddends.push_back(pathPoints > 1 ? pathEnd * k / (pathPoints - 1) : 0.0);
    }

    // One batch per model: the strip's addends, then the transition's, then the path's.
    std::vector<double> addends = request.stripAddends;
    const auto strip = static_cast<std::int64_t>(addends.size());
    addends.insert(addends.end(), study.transitionAddends.begin(), study.transitionAddends.end());
    const std::int64_t drawn = strip + points;  // the images to decode
    addends.insert(addends.end(), pathAddends.begin(), pathAddends.end());

    for (const ComparedModel& compared : models) {
        models::AdditionModel model = compared.model;
        const torch::Tensor x = inputTensor(request.input, static_cast<int>(model->imageSize()));
        const torch::Tensor codes = resultCodes(model, model->autoencoder()->encode(x), addends);
        const torch::Tensor images = model->autoencoder()->decode(codes.slice(0, 0, drawn));
        ModelStudy result;
        result.slot = compared.slot;
        torch::Tensor p;
        if (judge) p = (*judge)->probabilities(infer::at32(images)).contiguous();
        for (std::int64_t k = 0; k < strip; ++k) {
            result.strip.push_back(
                {addends[static_cast<std::size_t>(k)], tensorImage(images[k]),
                 p.defined() ? static_cast<int>(p[k].argmax().item<std::int64_t>()) : -1});
        }
        if (p.defined()) {
            const std::vector<double> expected =
                toDoubles(p.matmul(torch::arange(10, torch::kFloat32)));
            result.stripExpected.assign(expected.begin(), expected.begin() + strip);
            result.expectedDigit.assign(expected.begin() + strip, expected.end());
        }
        if (compared.plane) {
            const torch::Tensor xy = compared.plane->project(codes.slice(0, drawn));
            result.pathAddends = pathAddends;
            result.pathX = toDoubles(xy.select(1, 0));
            result.pathY = toDoubles(xy.select(1, 1));
        }
        study.models.push_back(std::move(result));
    }
    return study;
}

}  // namespace learn2add::ui
