#include "infer/ModelComparison.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "infer/AdditionEvaluation.h"
#include "infer/GreyImageTensors.h"

namespace learn2add::infer {
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

// E's code of the input: from the model's cache when it has one.
models::GaussianCode codeOf(const ComparedModel& compared, const GreyImage& input) {
    models::AdditionModel model = compared.model;
    if (compared.encoded) return compared.encoded->codeOf(model, input);
    return EncodedInput().codeOf(model, input);
}

// One model's row without the judge's readings. `images` receives what the judge reads: the mean
// output, then the K samples ([1 + K, 1, S, S]); `spread` the samples' per-pixel standard
// deviation (undefined for a deterministic model), drawn later on the scale shared by all rows.
// The mean output and the samples are decoded in one call.
ModelAtAddend rowOf(const ComparedModel& compared, const GreyImage& input,
                    const ComparisonSettings& settings, torch::Tensor& images,
                    torch::Tensor& spread) {
    models::AdditionModel model = compared.model;
    const torch::Tensor u = addendColumn({settings.addend});
    ModelAtAddend row;
    row.slot = compared.slot;
    const models::GaussianCode code = codeOf(compared, input);
    // P's (mean) code, what add() decodes; needed for the latent plane too.
    const torch::Tensor result = model->adder()->forward(code.mean, u);
    if (compared.plane) {
        const torch::Tensor xy = compared.plane->project(result).contiguous();
        row.hasLatentPoint = true;
        row.latentX = xy.data_ptr<float>()[0];
        row.latentY = xy.data_ptr<float>()[1];
    }
    const bool sampled = hasSamples(model);
    const int k = std::clamp(settings.samples, 1, kMaxSamples);
    const torch::Tensor codes =
        sampled ? torch::cat({result, model->sampleResultCodes(code, u, k, settings.seed)})
                : result;
    images = model->autoencoder()->decode(codes);
    std::vector<GreyImage> pictures = toGreyImages(images);
    row.mean = std::move(pictures[0]);
    if (sampled) {
        const torch::Tensor samples = images.slice(0, 1);  // [K, 1, S, S]
        row.samples.assign(std::make_move_iterator(pictures.begin() + 1),
                           std::make_move_iterator(pictures.end()));
        const torch::Tensor sampleMean = samples.mean(0);
        row.sampleMean = toGreyImage(sampleMean);
        spread = (samples - sampleMean).pow(2).mean(0).sqrt();  // the population deviation
        row.spreadMean = spread.mean().item<double>();
    }
    return row;
}

// The judge's readings of every row's images, in one judge call for all the rows.
void readRows(models::DigitJudge& judge, const std::vector<torch::Tensor>& images,
              std::vector<ModelAtAddend>& rows) {
    std::vector<torch::Tensor> at32s;
    for (const torch::Tensor& batch : images) at32s.push_back(at32(batch));
    const torch::Tensor p = judge->probabilities(torch::cat(at32s)).contiguous();
    const torch::Tensor reads = p.argmax(1).contiguous();
    const auto probability = p.accessor<float, 2>();
    const auto read = reads.accessor<std::int64_t, 1>();
    std::int64_t first = 0;  // the row's mean output; its samples follow
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ModelAtAddend& row = rows[r];
        row.read = static_cast<int>(read[first]);
        row.readProbability = probability[first][row.read];
        row.expectedDigit = 0.0;
        for (int d = 0; d < 10; ++d) row.expectedDigit += d * probability[first][d];
        const std::int64_t end = first + images[r].size(0);
        for (std::int64_t s = first + 1; s < end; ++s) {
            row.sampleReads.push_back(static_cast<int>(read[s]));
        }
        first = end;
    }
}

}  // namespace

ComparisonAtAddend compareAtAddend(const std::vector<ComparedModel>& models,
                                   models::DigitJudge* judge, const GreyImage& input,
                                   const ComparisonSettings& settings) {
    torch::NoGradGuard noGrad;
    ComparisonAtAddend view;
    view.samples = std::clamp(settings.samples, 1, kMaxSamples);
    std::vector<torch::Tensor> images, spreads;
    for (const ComparedModel& compared : models) {
        torch::Tensor modelImages, spread;
        view.rows.push_back(rowOf(compared, input, settings, modelImages, spread));
        images.push_back(modelImages);
        spreads.push_back(spread);
    }
    if (judge && *judge && !images.empty()) readRows(*judge, images, view.rows);
    // One scale for every row, so that the spreads compare: the largest deviation is white.
    double largest = 0.0;
    for (const torch::Tensor& spread : spreads) {
        if (spread.defined()) largest = std::max(largest, spread.max().item<double>());
    }
    view.spreadScale = std::max(largest, 1e-3);
    for (std::size_t r = 0; r < spreads.size(); ++r) {
        if (spreads[r].defined())
            view.rows[r].sampleSpread = toGreyImage(spreads[r] / view.spreadScale);
    }
    return view;
}

ComparisonStudyValues compareOverAddends(const std::vector<ComparedModel>& models,
                                         models::DigitJudge* judge, const GreyImage& input,
                                         int digit, const ComparisonStudySettings& settings) {
    torch::NoGradGuard noGrad;
    ComparisonStudyValues study;
    const int points = std::clamp(settings.transitionPoints, 2, kMaxTransitionPoints);
    for (int k = 0; k < points; ++k) {
        study.transitionAddends.push_back(settings.transitionTo * k / (points - 1));
    }
    // The path runs over the trained addends: 0 .. 9 - digit (0 .. 9 for a drawn digit).
    const double pathEnd = digit >= 0 ? 9.0 - digit : 9.0;
    const double step = settings.pathStep > 0 ? settings.pathStep : 0.05;
    const int pathPoints =
        std::clamp(static_cast<int>(std::lround(pathEnd / step)) + 1, 1, kMaxPathPoints);
    std::vector<double> pathAddends;
    for (int k = 0; k < pathPoints; ++k) {
        pathAddends.push_back(pathPoints > 1 ? pathEnd * k / (pathPoints - 1) : 0.0);
    }

    // One batch per model: the strip's addends, then the transition's, then the path's.
    std::vector<double> addends = settings.stripAddends;
    const auto strip = static_cast<std::int64_t>(addends.size());
    addends.insert(addends.end(), study.transitionAddends.begin(), study.transitionAddends.end());
    const std::int64_t drawn = strip + points;  // the images to decode
    addends.insert(addends.end(), pathAddends.begin(), pathAddends.end());

    for (const ComparedModel& compared : models) {
        models::AdditionModel model = compared.model;
        const torch::Tensor code = codeOf(compared, input).mean;
        const auto n = static_cast<std::int64_t>(addends.size());
        const torch::Tensor codes =
            model->adder()->forward(code.expand({n, -1}), addendColumn(addends));
        const torch::Tensor images = model->autoencoder()->decode(codes.slice(0, 0, drawn));
        ModelInputStudy result;
        result.slot = compared.slot;
        result.strip = toGreyImages(images.slice(0, 0, strip));
        if (judge && *judge) {
            const torch::Tensor p = (*judge)->probabilities(at32(images)).contiguous();
            const torch::Tensor reads = p.slice(0, 0, strip).argmax(1).contiguous();
            for (std::int64_t k = 0; k < strip; ++k) {
                result.stripReads.push_back(static_cast<int>(reads[k].item<std::int64_t>()));
            }
            const std::vector<double> expected =
                toDoubles(p.matmul(torch::arange(10, torch::kFloat32)));
            result.stripExpected.assign(expected.begin(), expected.begin() + strip);
            result.expectedDigit.assign(expected.begin() + strip, expected.end());
        } else {
            result.stripReads.assign(static_cast<std::size_t>(strip), -1);
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

}  // namespace learn2add::infer
