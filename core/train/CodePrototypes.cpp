#include "train/CodePrototypes.h"

#include <torch/torch.h>

namespace learn2add::train {
namespace {

// Per-digit sums and counts: [10, codeSize] and [10].
std::pair<torch::Tensor, torch::Tensor> sumsAndCounts(const torch::Tensor& codes,
                                                      const torch::Tensor& digits) {
    const torch::Tensor detached = codes.detach();
    torch::Tensor sums = torch::zeros({CodePrototypes::kDigits, detached.size(1)}, detached.options());
    sums.index_add_(0, digits, detached);
    torch::Tensor counts = torch::zeros({CodePrototypes::kDigits}, detached.options());
    counts.index_add_(0, digits, torch::ones({digits.size(0)}, detached.options()));
    return {sums, counts};
}

}  // namespace

CodePrototypes CodePrototypes::fromCodes(const torch::Tensor& codes, const torch::Tensor& digits) {
    torch::NoGradGuard noGrad;
    auto [sums, counts] = sumsAndCounts(codes, digits);
    const torch::Tensor present = counts > 0;
    torch::Tensor table = sums / counts.clamp_min(1).unsqueeze(1);
    table = torch::where(present.unsqueeze(1), table, codes.detach().mean(0).expand_as(table));
    return CodePrototypes(table.clone());
}

void CodePrototypes::update(const torch::Tensor& codes, const torch::Tensor& digits) {
    torch::NoGradGuard noGrad;
    auto [sums, counts] = sumsAndCounts(codes, digits);
    const torch::Tensor present = (counts > 0).unsqueeze(1);
    const torch::Tensor means = sums / counts.clamp_min(1).unsqueeze(1);
    table_ = torch::where(present, kMomentum * table_ + (1.0 - kMomentum) * means, table_);
}

torch::Tensor CodePrototypes::of(const torch::Tensor& digits) const {
    return table_.index_select(0, digits);
}

}  // namespace learn2add::train
