#include "models/Initialization.h"

#include <torch/nn/init.h>

#include <cmath>

namespace learn2add::models {

void heInitialize(torch::nn::Conv2dImpl& conv) {
    torch::NoGradGuard noGrad;
    torch::nn::init::kaiming_normal_(conv.weight, /*a=*/0.0, torch::kFanIn, torch::kReLU);
    if (conv.bias.defined()) conv.bias.zero_();
}

void initializeOutputBias(torch::nn::Conv2dImpl& conv, double meanIntensity) {
    TORCH_CHECK(meanIntensity > 0.0 && meanIntensity < 1.0,
                "initializeOutputBias: meanIntensity must be strictly between 0 and 1, got ",
                meanIntensity);
    TORCH_CHECK(conv.bias.defined(), "initializeOutputBias: the convolution has no bias");
    torch::NoGradGuard noGrad;
    conv.bias.fill_(std::log(meanIntensity / (1.0 - meanIntensity)));
}

}  // namespace learn2add::models
