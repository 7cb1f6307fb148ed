#include "infer/AdditionExplorer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "infer/AdditionEvaluation.h"
#include "infer/GreyImageTensors.h"

namespace learn2add::infer {
namespace {

constexpr int kMaxSweepTiles = 101;
constexpr int kMaxTransitionPoints = 1001;

torch::Tensor addendColumn(const std::vector<double>& addends) {
    const std::vector<float> values(addends.begin(), addends.end());
    return torch::tensor(values, torch::kFloat32).reshape({-1, 1});
}

// D(P(code, u)) for the input's code and every addend: [N, 1, S, S].
torch::Tensor decodeSums(models::AdditionModel& model, const models::GaussianCode& code,
                         const std::vector<double>& addends) {
    const auto n = static_cast<std::int64_t>(addends.size());
    const torch::Tensor resultCodes =
        model->adder()->forward(code.mean.expand({n, -1}), addendColumn(addends));
    return model->autoencoder()->decode(resultCodes);
}

}  // namespace

JudgedOutput addToInput(models::AdditionModel& model, models::DigitJudge* judge,
                        EncodedInput& encoded, const GreyImage& input, double addend) {
    torch::NoGradGuard noGrad;
    const torch::Tensor generated = decodeSums(model, encoded.codeOf(model, input), {addend});
    JudgedOutput result;
    result.image = toGreyImage(generated[0]);
    if (judge && *judge) {
        const torch::Tensor p = (*judge)->probabilities(at32(generated))[0].contiguous();
        result.probabilities.assign(p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
        result.read = static_cast<int>(p.argmax().item<std::int64_t>());
    }
    return result;
}

InputStudy studyInput(models::AdditionModel& model, models::DigitJudge* judge,
                      EncodedInput& encoded, const GreyImage& input,
                      const InputStudySettings& settings) {
    torch::NoGradGuard noGrad;
    InputStudy result;
    std::vector<double> addends = settings.stripAddends;
    const std::size_t stripCount = addends.size();
    const double step = settings.sweepStep > 0 ? settings.sweepStep : 0.1;
    const int sweepCount = std::clamp(
        static_cast<int>(std::floor((settings.sweepTo - settings.sweepFrom) / step + 1e-6)) + 1, 1,
        kMaxSweepTiles);
    for (int k = 0; k < sweepCount; ++k) addends.push_back(settings.sweepFrom + k * step);
    const int points = std::clamp(settings.transitionPoints, 2, kMaxTransitionPoints);
    for (int k = 0; k < points; ++k) {
        const double u = settings.transitionFrom +
                         (settings.transitionTo - settings.transitionFrom) * k / (points - 1);
        addends.push_back(u);
        result.transitionAddends.push_back(u);
    }

    const torch::Tensor generated = decodeSums(model, encoded.codeOf(model, input), addends);
    const std::vector<GreyImage> images =
        toGreyImages(generated.slice(0, 0, static_cast<std::int64_t>(stripCount) + sweepCount));
    std::vector<std::int64_t> reads;
    torch::Tensor probabilities;
    if (judge && *judge) {
        probabilities = (*judge)->probabilities(at32(generated)).contiguous();
        const torch::Tensor argmax = probabilities.argmax(1).contiguous();
        reads.assign(argmax.data_ptr<std::int64_t>(),
                     argmax.data_ptr<std::int64_t>() + argmax.numel());
    }
    const auto tile = [&](std::size_t k) {
        return JudgedTile{addends[k], images[k], reads.empty() ? -1 : static_cast<int>(reads[k])};
    };
    for (std::size_t k = 0; k < stripCount; ++k) result.strip.push_back(tile(k));
    for (int k = 0; k < sweepCount; ++k) result.sweep.push_back(tile(stripCount + k));
    if (probabilities.defined()) {
        const std::size_t first = stripCount + static_cast<std::size_t>(sweepCount);
        const float* p = probabilities.data_ptr<float>();
        for (int digit = 0; digit < 10; ++digit) {
            auto& curve = result.transition[static_cast<std::size_t>(digit)];
            for (int k = 0; k < points; ++k) curve.push_back(p[(first + k) * 10 + digit]);
        }
    }
    return result;
}

}  // namespace learn2add::infer
