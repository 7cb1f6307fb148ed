#include "infer/AdditionEvaluation.h"

#include <torch/torch.h>

#include "data/DigitTensors.h"
#include "infer/EvalScope.h"
#include "models/Resize64Decoder.h"

namespace learn2add::infer {
namespace {

constexpr std::int64_t kBatch = 250;

}  // namespace

double measureGenerationL2(models::AdditionModel& model, const torch::Tensor& images,
                           const data::AdditionPairSet& pairs) {
    torch::NoGradGuard noGrad;
    EvalScope eval(*model);
    const auto n = static_cast<std::int64_t>(pairs.size());
    if (n == 0) return 0.0;
    const data::PairIndex index = data::pairIndex(pairs);
    const torch::Tensor& in = index.input;
    const torch::Tensor& out = index.output;
    const torch::Tensor& u = index.addend;
    double sum = 0.0;
    for (std::int64_t begin = 0; begin < n; begin += kBatch) {
        const std::int64_t end = std::min(n, begin + kBatch);
        const torch::Tensor generated =
            model->add(images.index_select(0, in.slice(0, begin, end)), u.slice(0, begin, end));
        sum += torch::mse_loss(generated, images.index_select(0, out.slice(0, begin, end)),
                               torch::Reduction::Sum)
                   .item<double>();
    }
    return sum / static_cast<double>(n * images[0].numel());
}

torch::Tensor at32(const torch::Tensor& images) {
    return images.size(-1) == 32 ? images : models::resizeForEvaluation(images);
}

std::vector<int> judgeReadings(models::DigitJudge* judge, const torch::Tensor& images) {
    std::vector<int> read(static_cast<std::size_t>(images.size(0)), -1);
    if (!judge || !*judge) return read;
    torch::NoGradGuard noGrad;
    const EvalScope evaluating(**judge);
    const torch::Tensor digits = (*judge)->predict(at32(images)).to(torch::kInt64).contiguous();
    for (std::size_t i = 0; i < read.size(); ++i) read[i] = static_cast<int>(digits.data_ptr<std::int64_t>()[i]);
    return read;
}

int AdditionGrid::correctCells() const {
    int correct = 0;
    for (int d = 0; d < kDigits; ++d) {
        for (int a = 0; d + a < kDigits; ++a) correct += read[d][a] == d + a ? 1 : 0;
    }
    return correct;
}

AdditionGrid computeAdditionGrid(models::AdditionModel& model, const torch::Tensor& inputs,
                                 models::DigitJudge* judge) {
    TORCH_CHECK(inputs.dim() == 4 && inputs.size(0) == kDigits,
                "computeAdditionGrid: expected one input image per digit, [10, 1, S, S], got ",
                inputs.sizes());
    torch::NoGradGuard noGrad;
    EvalScope modelEval(*model);
    // All 55 cells in one batch: column d repeated for addends 0..9-d.
    std::vector<std::int64_t> digit;
    std::vector<float> addend;
    for (int d = 0; d < kDigits; ++d) {
        for (int a = 0; d + a < kDigits; ++a) {
            digit.push_back(d);
            addend.push_back(static_cast<float>(a));
        }
    }
    const torch::Tensor index = torch::tensor(digit, torch::kInt64);
    const torch::Tensor u = torch::tensor(addend).reshape({-1, 1});
    // Each of the 10 inputs is encoded once, not once per cell (the encoder sees images one by
    // one, so the codes are the same).
    const torch::Tensor codes = model->autoencoder()->encode(inputs).index_select(0, index);
    const torch::Tensor generated = at32(model->autoencoder()->decode(model->adder()->forward(codes, u)));

    AdditionGrid grid;
    for (auto& row : grid.read) row.fill(-1);
    torch::Tensor probabilities;
    if (judge != nullptr) {
        EvalScope judgeEval(**judge);
        probabilities = (*judge)->probabilities(generated);
    }
    const int side = grid.cellSize * kDigits;
    grid.canvas.assign(static_cast<std::size_t>(side) * side, 0);
    const torch::Tensor bytes =
        (generated * 255.0).round().clamp(0, 255).to(torch::kUInt8).contiguous();
    const std::uint8_t* pixels = bytes.data_ptr<std::uint8_t>();
    for (std::size_t k = 0; k < digit.size(); ++k) {
        const int d = static_cast<int>(digit[k]);
        const int a = static_cast<int>(addend[k]);
        for (int y = 0; y < grid.cellSize; ++y) {
            const std::uint8_t* from = pixels + (k * grid.cellSize + y) * grid.cellSize;
            std::uint8_t* to =
                grid.canvas.data() + static_cast<std::size_t>(a * grid.cellSize + y) * side +
                static_cast<std::size_t>(d) * grid.cellSize;
            std::copy(from, from + grid.cellSize, to);
        }
        if (probabilities.defined()) {
            const torch::Tensor p = probabilities[static_cast<std::int64_t>(k)];
            grid.read[d][a] = static_cast<int>(p.argmax().item<std::int64_t>());
            grid.confidence[d][a] = p[d + a].item<float>();
        }
    }
    return grid;
}

AdditionAccuracy measureAdditionAccuracy(models::AdditionModel& model, models::DigitJudge& judge,
                                         const torch::Tensor& images, const torch::Tensor& labels) {
    torch::NoGradGuard noGrad;
    EvalScope modelEval(*model);
    EvalScope judgeEval(*judge);
    AdditionAccuracy accuracy;
    std::array<std::array<std::int64_t, kDigits>, kDigits> right{};
    for (int a = 0; a < kDigits; ++a) {
        const torch::Tensor chosen = labels.le(kDigits - 1 - a).nonzero().flatten();
        const std::int64_t n = chosen.size(0);
        for (std::int64_t begin = 0; begin < n; begin += kBatch) {
            const torch::Tensor index = chosen.slice(0, begin, std::min(n, begin + kBatch));
            const torch::Tensor x = images.index_select(0, index);
            const torch::Tensor digits = labels.index_select(0, index);
            const torch::Tensor u = torch::full({x.size(0), 1}, static_cast<float>(a));
            const torch::Tensor read = judge->predict(at32(model->add(x, u)));
            const torch::Tensor ok = read.eq(digits + a).to(torch::kInt64);
            for (int d = 0; d + a < kDigits; ++d) {
                const torch::Tensor mine = digits.eq(d);
                accuracy.count[d][a] += mine.sum().item<std::int64_t>();
                right[d][a] += (ok * mine).sum().item<std::int64_t>();
            }
        }
    }
    std::int64_t correct = 0;
    for (int d = 0; d < kDigits; ++d) {
        for (int a = 0; d + a < kDigits; ++a) {
            accuracy.total += accuracy.count[d][a];
            correct += right[d][a];
            accuracy.cell[d][a] = accuracy.count[d][a] > 0
                                      ? static_cast<double>(right[d][a]) / accuracy.count[d][a]
                                      : 0.0;
        }
    }
    accuracy.overall = accuracy.total > 0 ? static_cast<double>(correct) / accuracy.total : 0.0;
    return accuracy;
}

SeenAndHeldOut splitByHeldOut(const AdditionAccuracy& accuracy, const data::HeldOutCells& cells) {
    SeenAndHeldOut split;
    double seenRight = 0.0, heldRight = 0.0;
    for (int d = 0; d < kDigits; ++d) {
        for (int a = 0; d + a < kDigits; ++a) {
            const auto n = accuracy.count[static_cast<std::size_t>(d)][static_cast<std::size_t>(a)];
            const double right = accuracy.cell[static_cast<std::size_t>(d)][static_cast<std::size_t>(a)] * static_cast<double>(n);
            if (cells.contains(d, a)) {
                split.heldOutCount += n;
                heldRight += right;
            } else {
                split.seenCount += n;
                seenRight += right;
            }
        }
    }
    if (split.seenCount > 0) split.seen = seenRight / static_cast<double>(split.seenCount);
    if (split.heldOutCount > 0) split.heldOut = heldRight / static_cast<double>(split.heldOutCount);
    return split;
}

}  // namespace learn2add::infer
