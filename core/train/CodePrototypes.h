#pragma once
// The class prototypes of the guided recipe's code term: the mean code of each digit, kept up to
// date while the encoder trains (see AdditionTrainingOptions.h, codeTarget).
//
//   CodePrototypes prototypes = CodePrototypes::fromCodes(codes, digits);   // per-digit means
//   prototypes.update(batchCodes, batchDigits);    // moving average towards this batch's means
//   torch::Tensor targets = prototypes.of(resultDigits);                     // [N, codeSize]
//
// Why: the assignment's code term pulls P(E(x), u) towards E(y) for ONE random image y of the
// sum. Its expectation over y is L2(P, mean code of the sum) plus a constant (the spread of that
// digit's codes), so the prototype gives P the same expected gradient without the noise of the
// spread, which is far larger than the differences P must learn.
//
// Not synchronised; tensors without gradients.

#include <torch/types.h>

namespace learn2add::train {

class CodePrototypes {
public:
    static constexpr std::int64_t kDigits = 10;
    // Weight of the old prototype in update(): a moving average over about 1/(1 - m) batches.
    static constexpr double kMomentum = 0.9;

    // codes [M, codeSize], digits [M] int64 in 0..9. A digit with no code gets the mean of all.
    static CodePrototypes fromCodes(const torch::Tensor& codes, const torch::Tensor& digits);

    // A table saved from table() (resuming a run); [10, codeSize].
    static CodePrototypes fromTable(torch::Tensor table) { return CodePrototypes(std::move(table)); }

    // Moves each digit present in the batch towards its mean code in the batch.
    void update(const torch::Tensor& codes, const torch::Tensor& digits);

    // digits [N] int64 -> prototypes [N, codeSize].
    torch::Tensor of(const torch::Tensor& digits) const;

    const torch::Tensor& table() const { return table_; }  // [10, codeSize]

private:
    explicit CodePrototypes(torch::Tensor table) : table_(std::move(table)) {}
    torch::Tensor table_;
};

}  // namespace learn2add::train
