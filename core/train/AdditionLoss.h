#pragma once
// The loss of one batch of addition pairs (ASSIGNMENT.md Part III.4), as the recipe in the options
// defines it (see AdditionTrainingOptions.h):
//   reconstructionWeight x L2(D(E(x)), x) + L2(D(P(E(x), u)), y) + codeWeight x L2(P(E(x), u), E(y))
//   [+ digitWeight x CE(probe(E(x)), digit of x), the guided recipe's digit probe, when given]
//   [+ klWeight x KL(q(z | x) || N(0, I)), variational encoders]
// with the code term of a generative P its Gaussian negative log-likelihood (see
// AdditionTrainingOptions.h).
//
//   AdditionBatchLoss loss = additionBatchLoss(model, options, x, u, y);
//   loss.total.backward();

#include <torch/torch.h>

#include "models/AdditionModel.h"
#include "train/AdditionTrainingOptions.h"

namespace learn2add::train {

struct AdditionBatchLoss {
    torch::Tensor total;           // the weighted sum, what training minimises
    torch::Tensor reconstruction;  // the terms, each unweighted
    torch::Tensor generation;
    torch::Tensor code;
    torch::Tensor digit;           // the probe's cross-entropy (0 without a probe)
    torch::Tensor kl;              // KL of E(x)'s Gaussian to N(0, I) (0 for a plain encoder)
    torch::Tensor inputCodes;      // E(x), for the collapse indicator
    torch::Tensor targetCodes;     // E(y) (the mean for a variational encoder), for the prototypes
};

// What the guided recipe adds to a batch (see AdditionTrainingOptions.h); each part optional.
struct GuidedSupervision {
    torch::nn::Linear probe{nullptr};  // the digit probe, code -> 10 logits; empty: no digit term
    torch::Tensor digits;              // [N] int64: the digits of the inputs x (for the probe)
    torch::Tensor targetCodes;         // [N, codeSize]: the code term's targets (the prototypes of
                                       // the sums); undefined: E(y)
};
torch::nn::Linear makeDigitProbe(std::int64_t codeSize);

// The code term alone: P's output for (from, u) against the target codes `to` (constants or not,
// as the caller passes them). L2 for a plain P; for a generative P the Gaussian negative
// log-likelihood per code dimension.
torch::Tensor adderCodeLoss(models::AdditionMlp& adder, const torch::Tensor& from,
                            const torch::Tensor& u, const torch::Tensor& to);

// The warm-up's reconstruction loss for E and D alone (AdditionTrainer stage 1): L2 of the
// reconstruction (from a sample, for a variational encoder) + klWeight x KL + the digit probe.
torch::Tensor autoencoderWarmupLoss(models::Autoencoder& autoencoder,
                                    const AdditionTrainingOptions& options, const torch::Tensor& x,
                                    const GuidedSupervision* guided = nullptr);

// x and y: [N, 1, S, S] images, u: [N, 1] addends. The probe term counts only when the options'
// effectiveDigitWeight() is above 0 and a probe is given; target codes replace E(y) in the code
// term only in the guided recipe.
AdditionBatchLoss additionBatchLoss(models::AdditionModel& model,
                                    const AdditionTrainingOptions& options, const torch::Tensor& x,
                                    const torch::Tensor& u, const torch::Tensor& y,
                                    const GuidedSupervision* guided = nullptr);

}  // namespace learn2add::train
