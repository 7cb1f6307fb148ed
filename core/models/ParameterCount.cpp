#include "models/ParameterCount.h"

namespace learn2add::models {

std::int64_t parameterCount(const torch::nn::Module& module, bool trainableOnly) {
    std::int64_t count = 0;
    for (const torch::Tensor& parameter : module.parameters(/*recurse=*/true)) {
        if (!trainableOnly || parameter.requires_grad()) count += parameter.numel();
    }
    return count;
}

}  // namespace learn2add::models
