#pragma once
// The loss of one batch of addition pairs (ASSIGNMENT.md Part III.4), as the recipe in the options
// defines it (see AdditionTrainingOptions.h):
//   reconstructionWeight x L2(D(E(x)), x) + L2(D(P(E(x), u)), y) + codeWeight x L2(P(E(x), u), E(y))
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
    torch::Tensor inputCodes;      // E(x), for the collapse indicator
};

// x and y: [N, 1, S, S] images, u: [N, 1] addends.
AdditionBatchLoss additionBatchLoss(models::AdditionModel& model,
                                    const AdditionTrainingOptions& options, const torch::Tensor& x,
                                    const torch::Tensor& u, const torch::Tensor& y);

}  // namespace learn2add::train
