#include "infer/EncodedInput.h"

#include <torch/torch.h>

#include "infer/GreyImageTensors.h"

namespace learn2add::infer {

const models::GaussianCode& EncodedInput::codeOf(models::AdditionModel& model,
                                                  const GreyImage& input) {
    if (model_ == model.ptr() && input_ == input && code_.mean.defined()) return code_;
    torch::NoGradGuard noGrad;
    models::GaussianCode code =
        model->inputCode(inputTensor(input, static_cast<int>(model->imageSize())));
    // Kept in FP32 whatever precision encoded it: the views' precision may change before the next
    // use, and an FP32 P must not meet a bf16 code.
    code.mean = code.mean.to(torch::kFloat32);
    if (code.logVariance.defined()) code.logVariance = code.logVariance.to(torch::kFloat32);
    code_ = std::move(code);
    model_ = model.ptr();
    input_ = input;
    ++encodings_;
    return code_;
}

}  // namespace learn2add::infer
