#include "train/AdditionLoss.h"

namespace learn2add::train {

AdditionBatchLoss additionBatchLoss(models::AdditionModel& model,
                                    const AdditionTrainingOptions& options, const torch::Tensor& x,
                                    const torch::Tensor& u, const torch::Tensor& y) {
    const bool targetGradient = !options.codeTermTrainsAdderOnly();
    models::AdditionOutputs out = model->forward(x, u, y, targetGradient);
    AdditionBatchLoss loss;
    loss.reconstruction = torch::mse_loss(out.reconstruction, x);
    loss.generation = torch::mse_loss(out.generated, y);
    // Guided: the code term teaches P only. Both codes are constants for it, so it cannot move
    // the encoder (through E(y) it would pull all codes together; through E(x) it chases a target
    // that the same step moves, and the codes grow without bound).
    loss.code = targetGradient
                    ? torch::mse_loss(out.resultCode, out.targetCode)
                    : torch::mse_loss(model->adder()->forward(out.code.detach(), u), out.targetCode);
    loss.total = options.reconstructionWeight() * loss.reconstruction + loss.generation +
                 options.codeWeight() * loss.code;
    loss.inputCodes = out.code;
    return loss;
}

}  // namespace learn2add::train
