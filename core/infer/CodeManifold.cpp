#include "infer/CodeManifold.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "infer/AdditionEvaluation.h"
#include "infer/AutoencoderRun.h"
#include "infer/EvalScope.h"
#include "infer/GreyImageTensors.h"

namespace learn2add::infer {
namespace {

constexpr int kMinManifoldSteps = 2;
constexpr int kMaxManifoldSteps = 40;
constexpr double kPriorSigmas = 3.0;

// The q-quantile of a column (x: 0, y: 1) of interleaved points.
double quantile(const std::vector<float>& points, int column, double q) {
    std::vector<float> values;
    values.reserve(points.size() / 2);
    for (std::size_t i = static_cast<std::size_t>(column); i < points.size(); i += 2) {
        values.push_back(points[i]);
    }
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(
                                          std::lround(q * static_cast<double>(values.size() - 1)));
    std::nth_element(values.begin(), at, values.end());
    return *at;
}

// [low, high] widened by `share` of its length on each side; a point becomes a unit interval.
void widen(double& low, double& high, double share) {
    const double margin = high > low ? (high - low) * share : 0.5;
    low -= margin;
    high += margin;
}

torch::Tensor decodePoints(models::Autoencoder& model, const LatentProjection& projection,
                           const torch::Tensor& points) {
    torch::NoGradGuard noGrad;
    EvalScope eval(*model);
    return model->decode(projection.lift(points)).to(torch::kFloat32);
}

}  // namespace

std::string CodePlane::describe() const {
    if (!projection.isSlice()) return projection.describe();
    const int percent = static_cast<int>(std::lround(100.0 * projection.keptVariance()));
    return "a slice: the PCA plane of the " + std::to_string(projection.codeSize()) +
           "-d codes through their mean (" + std::to_string(percent) + "% of the variance)";
}

CodePlane fitCodePlane(models::Autoencoder& model, const data::DigitSet& set) {
    if (set.size() < 2) {
        throw std::invalid_argument("the code plane needs at least 2 images, got " +
                                    std::to_string(set.size()));
    }
    EvalScope eval(*model);
    const std::vector<float> codes = encodeAll(model, set);
    const torch::Tensor codeTensor =
        torch::from_blob(const_cast<float*>(codes.data()),
                         {static_cast<std::int64_t>(set.size()), model->codeSize()}, torch::kFloat32);
    CodePlane plane;
    plane.projection = LatentProjection::fit(codeTensor);
    const torch::Tensor xy = plane.projection.project(codeTensor).contiguous();
    plane.points.assign(xy.data_ptr<float>(), xy.data_ptr<float>() + xy.numel());
    plane.labels = set.labels;
    plane.variational = model->options.variational();
    return plane;
}

PlaneRange manifoldRange(const CodePlane& plane, ManifoldRange kind) {
    PlaneRange range;
    if (kind == ManifoldRange::Prior) {
        // The prior's mean (the zero code) in the plane, ±3σ: the plane's axes are orthonormal
        // directions of the code space, along which N(0, I) has unit spread.
        const torch::Tensor origin = plane.projection.project(
            torch::zeros({1, plane.projection.codeSize()}, torch::kFloat32));
        const double x = origin[0][0].item<double>();
        const double y = origin[0][1].item<double>();
        return {x - kPriorSigmas, x + kPriorSigmas, y - kPriorSigmas, y + kPriorSigmas};
    }
    if (plane.points.size() < 4) return range;
    range.xMin = quantile(plane.points, 0, 0.01);
    range.xMax = quantile(plane.points, 0, 0.99);
    range.yMin = quantile(plane.points, 1, 0.01);
    range.yMax = quantile(plane.points, 1, 0.99);
    widen(range.xMin, range.xMax, 0.1);
    widen(range.yMin, range.yMax, 0.1);
    return range;
}

void manifoldCellCentre(const PlaneRange& range, int steps, int row, int column, double& x,
                        double& y) {
    x = range.xMin + (column + 0.5) * (range.xMax - range.xMin) / steps;
    y = range.yMax - (row + 0.5) * (range.yMax - range.yMin) / steps;
}

CodeManifold decodeManifold(models::Autoencoder& model, const LatentProjection& projection,
                            const PlaneRange& range, int steps) {
    if (steps < kMinManifoldSteps || steps > kMaxManifoldSteps) {
        throw std::invalid_argument("the manifold's steps must be between " +
                                    std::to_string(kMinManifoldSteps) + " and " +
                                    std::to_string(kMaxManifoldSteps) + ", got " + std::to_string(steps));
    }
    if (!(range.xMax > range.xMin) || !(range.yMax > range.yMin)) {
        throw std::invalid_argument("the manifold's range is empty");
    }
    torch::Tensor points = torch::empty({steps * steps, 2}, torch::kFloat32);
    auto write = points.accessor<float, 2>();
    for (int row = 0; row < steps; ++row) {
        for (int column = 0; column < steps; ++column) {
            double x = 0.0, y = 0.0;
            manifoldCellCentre(range, steps, row, column, x, y);
            write[row * steps + column][0] = static_cast<float>(x);
            write[row * steps + column][1] = static_cast<float>(y);
        }
    }
    CodeManifold manifold;
    manifold.range = range;
    manifold.steps = steps;
    manifold.tileSize = static_cast<int>(model->imageSize());
    manifold.tiles = toGreyImages(decodePoints(model, projection, points));
    return manifold;
}

PlanePointImage decodePlanePoint(models::Autoencoder& model, const LatentProjection& projection, double x,
                                 double y, models::DigitJudge* judge) {
    const torch::Tensor point =
        torch::tensor({static_cast<float>(x), static_cast<float>(y)}, torch::kFloat32).view({1, 2});
    const torch::Tensor decoded = decodePoints(model, projection, point);
    return {toGreyImage(decoded[0]), judgeReadings(judge, decoded).front()};
}

}  // namespace learn2add::infer
