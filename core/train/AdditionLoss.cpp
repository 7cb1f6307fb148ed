#include "train/AdditionLoss.h"

namespace learn2add::train {

torch::nn::Linear makeDigitProbe(std::int64_t codeSize) {
    return torch::nn::Linear(codeSize, 10);
}

torch::Tensor adderCodeLoss(models::AdditionMlp& adder, const torch::Tensor& from,
                            const torch::Tensor& u, const torch::Tensor& to) {
    if (adder->options.generative()) {
        return models::gaussianNegativeLogLikelihood(adder->forwardGaussian(from, u), to).mean() /
               static_cast<double>(to.size(1));
    }
    return torch::mse_loss(adder->forward(from, u), to);
}

namespace {

torch::Tensor digitTerm(const GuidedSupervision* guided, double weight, const torch::Tensor& codes) {
    if (guided == nullptr || guided->probe.is_empty() || weight <= 0.0) {
        return torch::zeros({}, codes.options());
    }
    torch::nn::Linear probe = guided->probe;  // a handle: forward() is not const
    return torch::nn::functional::cross_entropy(probe->forward(codes), guided->digits);
}

}  // namespace

torch::Tensor autoencoderWarmupLoss(models::Autoencoder& autoencoder,
                                    const AdditionTrainingOptions& options, const torch::Tensor& x,
                                    const GuidedSupervision* guided) {
    const double digitWeight = options.effectiveDigitWeight();
    if (autoencoder->options.variational()) {
        const models::GaussianCode q = autoencoder->encodeGaussian(x);
        return torch::mse_loss(autoencoder->decode(models::reparameterize(q)), x) +
               options.klWeight() * models::klToStandardNormal(q).mean() +
               digitWeight * digitTerm(guided, digitWeight, q.mean);
    }
    const models::CodeAndReconstruction out = autoencoder->forwardWithCode(x);
    return torch::mse_loss(out.reconstruction, x) +
           digitWeight * digitTerm(guided, digitWeight, out.code);
}

AdditionBatchLoss additionBatchLoss(models::AdditionModel& model,
                                    const AdditionTrainingOptions& options, const torch::Tensor& x,
                                    const torch::Tensor& u, const torch::Tensor& y,
                                    const GuidedSupervision* guided) {
    const bool targetGradient = !options.codeTermTrainsAdderOnly();
    models::AdditionOutputs out = model->forward(x, u, y, targetGradient);
    AdditionBatchLoss loss;
    loss.reconstruction = torch::mse_loss(out.reconstruction, x);
    loss.generation = torch::mse_loss(out.generated, y);
    // Guided: the code term teaches P only. Both codes are constants for it, so it cannot move
    // the encoder (through E(y) it would pull all codes together; through E(x) it chases a target
    // that the same step moves, and the codes grow without bound). The term is on the means.
    models::AdditionMlp adder = model->adder();
    if (targetGradient) {
        // On the means, like the guided branch: P's input is the mean of E(x), not its sample.
        loss.code = adderCodeLoss(adder, out.code, u, out.targetCode);
    } else {
        const bool prototypes = guided != nullptr && guided->targetCodes.defined();
        loss.code = adderCodeLoss(adder, out.code.detach(), u,
                                  prototypes ? guided->targetCodes : out.targetCode);
    }
    loss.total = options.reconstructionWeight() * loss.reconstruction + loss.generation +
                 options.codeWeight() * loss.code;
    const double digitWeight = options.effectiveDigitWeight();
    loss.digit = digitTerm(guided, digitWeight, out.code);
    loss.total = loss.total + digitWeight * loss.digit;
    if (out.codeLogVariance.defined()) {
        loss.kl = models::klToStandardNormal({out.code, out.codeLogVariance}).mean();
        loss.total = loss.total + options.klWeight() * loss.kl;
    } else {
        loss.kl = torch::zeros({}, loss.total.options());
    }
    loss.inputCodes = out.code;
    loss.targetCodes = out.targetCode;
    return loss;
}

}  // namespace learn2add::train
