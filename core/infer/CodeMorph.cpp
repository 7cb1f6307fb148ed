#include "infer/CodeMorph.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "infer/AdditionEvaluation.h"
#include "infer/EvalScope.h"
#include "infer/GreyImageTensors.h"

namespace learn2add::infer {
namespace {

constexpr int kMinMorphSteps = 2;
constexpr int kMaxMorphSteps = 40;

}  // namespace

torch::Tensor interpolateCodes(const torch::Tensor& z0, const torch::Tensor& z1, const std::vector<double>& ts,
                               MorphPath path) {
    const torch::Tensor t = torch::tensor(std::vector<float>(ts.begin(), ts.end()), torch::kFloat32).unsqueeze(1);
    const torch::Tensor linear = (1 - t) * z0 + t * z1;
    if (path == MorphPath::Linear) return linear;
    const double n0 = z0.norm().item<double>();
    const double n1 = z1.norm().item<double>();
    if (n0 < 1e-8 || n1 < 1e-8) return linear;
    const torch::Tensor u0 = z0 / n0, u1 = z1 / n1;
    const double omega = std::acos(std::clamp((u0 * u1).sum().item<double>(), -1.0, 1.0));
    // Nearly the same or opposite directions: the great circle is not defined by them; go straight.
    if (std::sin(omega) < 1e-6) return linear;
    const torch::Tensor direction =
        (torch::sin((1 - t) * omega) * u0 + torch::sin(t * omega) * u1) / std::sin(omega);
    return direction * ((1 - t) * n0 + t * n1);
}

namespace {

std::vector<double> stepsOf(int steps) {
    if (steps < kMinMorphSteps || steps > kMaxMorphSteps) {
        throw std::invalid_argument("a morph has between " + std::to_string(kMinMorphSteps) + " and " +
                                    std::to_string(kMaxMorphSteps) + " steps, got " + std::to_string(steps));
    }
    std::vector<double> ts;
    for (int i = 0; i < steps; ++i) ts.push_back(static_cast<double>(i) / (steps - 1));
    return ts;
}

std::vector<MorphTile> morphTiles(const torch::Tensor& images, const std::vector<int>& read, const std::vector<double>& ts,
                             double addendScale) {
    const std::vector<GreyImage> grey = toGreyImages(images);
    std::vector<MorphTile> out;
    for (std::size_t i = 0; i < grey.size(); ++i) out.push_back({ts[i], ts[i] * addendScale, grey[i], read[i]});
    return out;
}

// E's codes of the two inputs (a variational encoder's mean): [2, C].
torch::Tensor encodePair(models::Autoencoder& autoencoder, const GreyImage& from, const GreyImage& to) {
    if (from.empty() || to.empty()) throw std::invalid_argument("a morph needs two input images");
    const int size = static_cast<int>(autoencoder->imageSize());
    return autoencoder->encode(torch::cat({inputTensor(from, size), inputTensor(to, size)}));
}

}  // namespace

MorphStudy morphInputs(models::Autoencoder& autoencoder, models::AdditionModel* addition,
                       models::DigitJudge* judge, const GreyImage& from, const GreyImage& to,
                       const MorphSettings& settings) {
    const std::vector<double> ts = stepsOf(settings.steps);
    if (addition && *addition && (*addition)->autoencoder().get() != autoencoder.get()) {
        throw std::invalid_argument("the morph's sums need the addition model of the same autoencoder");
    }
    torch::NoGradGuard noGrad;
    EvalScope eval(*autoencoder);
    const torch::Tensor codes = encodePair(autoencoder, from, to);
    const torch::Tensor morphed = autoencoder->decode(interpolateCodes(codes[0], codes[1], ts, settings.path));
    MorphStudy study;
    study.morph = morphTiles(morphed, judgeReadings(judge, morphed), ts, 0.0);
    const bool digitsKnown = settings.fromDigit >= 0 && settings.toDigit >= settings.fromDigit;
    if (addition && *addition && digitsKnown) {
        EvalScope evalAddition(**addition);
        const double span = settings.toDigit - settings.fromDigit;
        const torch::Tensor addends =
            torch::tensor(std::vector<float>(ts.begin(), ts.end()), torch::kFloat32).unsqueeze(1) * span;
        const torch::Tensor sums = (*addition)->autoencoder()->decode(
            (*addition)->adder()->forward(codes[0].unsqueeze(0).expand({settings.steps, -1}), addends));
        study.addition = morphTiles(sums, judgeReadings(judge, sums), ts, span);
        study.meanL2 = (at32(sums) - at32(morphed)).pow(2).mean().item<double>();
    }
    return study;
}

MorphTile morphAt(models::Autoencoder& autoencoder, models::DigitJudge* judge, const GreyImage& from,
                  const GreyImage& to, double t, MorphPath path) {
    torch::NoGradGuard noGrad;
    EvalScope eval(*autoencoder);
    const torch::Tensor codes = encodePair(autoencoder, from, to);
    const torch::Tensor image = autoencoder->decode(interpolateCodes(codes[0], codes[1], {t}, path));
    return morphTiles(image, judgeReadings(judge, image), {t}, 0.0).front();
}

}  // namespace learn2add::infer
