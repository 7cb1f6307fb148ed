#include "infer/AlgebraProbes.h"

#include <torch/torch.h>

#include <algorithm>
#include <map>
#include <utility>

#include "data/DigitTensors.h"
#include "infer/AdditionEvaluation.h"
#include "infer/EvalScope.h"

namespace learn2add::infer {
namespace {

// Both sides [N, 1, 32, 32] with the judge's readings [N]: how many it reads alike and the summed
// per-image mean squared difference.
ProbeCell compare(const torch::Tensor& left, const torch::Tensor& right, const torch::Tensor& leftReads,
                  const torch::Tensor& rightReads) {
    ProbeCell cell;
    cell.count = left.size(0);
    cell.agreed = leftReads.eq(rightReads).sum().item<std::int64_t>();
    cell.squaredError = (left - right).pow(2).mean({1, 2, 3}).sum().item<double>();
    return cell;
}

}  // namespace

void ProbeCell::add(const ProbeCell& other) {
    count += other.count;
    agreed += other.agreed;
    squaredError += other.squaredError;
}

void probeDigit(models::AdditionModel& model, models::DigitJudge& judge, const data::DigitSet& set,
                int d, int imagesPerDigit, AlgebraProbes& probes) {
    torch::NoGradGuard noGrad;
    const EvalScope modelEvaluating(*model), judgeEvaluating(*judge);
    const int size = static_cast<int>(model->imageSize());
    std::vector<std::size_t> indices = set.indicesOf(d);
    if (indices.empty()) return;
    indices.resize(std::min(indices.size(), static_cast<std::size_t>(std::max(1, imagesPerDigit))));
    probes.imagesPerDigit = std::min(probes.imagesPerDigit, static_cast<int>(indices.size()));
    const torch::Tensor x = data::imagesToTensor(set, indices, size);
    const auto n = static_cast<std::int64_t>(indices.size());
    const auto add = [&](const torch::Tensor& images, int addend) {
        return model->add(images, torch::full({n, 1}, static_cast<float>(addend)));
    };
    // f(x, a) for every addend, and its reading.
    std::vector<torch::Tensor> once, onceAt32, onceReads;
    for (int a = 0; d + a <= 9; ++a) {
        once.push_back(add(x, a));
        onceAt32.push_back(at32(once.back()));
        onceReads.push_back(judge->predict(onceAt32.back()));
    }
    ProbeCell identity;
    identity.count = n;
    identity.agreed = onceReads[0].eq(d).sum().item<std::int64_t>();
    identity.squaredError = (onceAt32[0] - at32(x)).pow(2).mean({1, 2, 3}).sum().item<double>();
    probes.identity.cells[d][0] = identity;
    // f(f(x, a), b) for a, b >= 1, a + b <= 9 - d.
    std::map<std::pair<int, int>, std::pair<torch::Tensor, torch::Tensor>> twice;
    for (int a = 1; d + a + 1 <= 9; ++a) {
        for (int b = 1; d + a + b <= 9; ++b) {
            const torch::Tensor images = at32(add(once[static_cast<std::size_t>(a)], b));
            twice[{a, b}] = {images, judge->predict(images)};
        }
    }
    for (const auto& [ab, sides] : twice) {
        const auto [a, b] = ab;
        const int s = a + b;
        probes.composition.cells[d][s].add(compare(sides.first, onceAt32[static_cast<std::size_t>(s)], sides.second,
                                                   onceReads[static_cast<std::size_t>(s)]));
        if (a < b) {
            const auto& other = twice.at({b, a});
            probes.commutation.cells[d][s].add(compare(sides.first, other.first, sides.second, other.second));
        }
    }
}

void totalProbes(AlgebraProbes& probes) {
    for (ProbeTable* table : {&probes.identity, &probes.composition, &probes.commutation}) {
        table->overall = {};
        for (const auto& row : table->cells) {
            for (const ProbeCell& cell : row) table->overall.add(cell);
        }
    }
}

AlgebraProbes probeAlgebra(models::AdditionModel& model, models::DigitJudge& judge,
                           const data::DigitSet& set, int imagesPerDigit) {
    AlgebraProbes probes;
    probes.imagesPerDigit = imagesPerDigit;
    for (int d = 0; d < 10; ++d) probeDigit(model, judge, set, d, imagesPerDigit, probes);
    totalProbes(probes);
    return probes;
}

}  // namespace learn2add::infer
