#include "models/WeightLayout.h"

namespace learn2add::models {
namespace {

// The strides of `layout` for the tensor's sizes. Compared stride for stride: is_contiguous() would
// call a weight with one input channel ([32, 1, 3, 3], the first convolution) contiguous in both
// layouts, and LibTorch picks the channels-last kernels only when the strides say so.
std::vector<std::int64_t> stridesOf(const torch::Tensor& tensor, at::MemoryFormat layout) {
    return at::empty(tensor.sizes(), tensor.options().memory_format(layout)).strides().vec();
}

}  // namespace

void setWeightLayout(const std::vector<torch::Tensor>& parameters, at::MemoryFormat layout) {
    torch::NoGradGuard noGrad;
    for (const torch::Tensor& parameter : parameters) {
        if (parameter.dim() != 4 || parameter.strides().vec() == stridesOf(parameter, layout)) continue;
        torch::Tensor moved = parameter;  // the same tensor: set_data keeps its identity
        moved.set_data(parameter.clone(layout));
    }
}

DefaultLayoutWhile::DefaultLayoutWhile(const std::vector<torch::Tensor>& parameters) {
    for (const torch::Tensor& parameter : parameters) {
        if (parameter.dim() == 4 &&
            parameter.strides().vec() != stridesOf(parameter, at::MemoryFormat::Contiguous)) {
            moved_.emplace_back(parameter, parameter.data());
        }
    }
    torch::NoGradGuard noGrad;
    for (auto& [parameter, own] : moved_) parameter.set_data(own.clone(at::MemoryFormat::Contiguous));
}

DefaultLayoutWhile::~DefaultLayoutWhile() {
    torch::NoGradGuard noGrad;
    for (auto& [parameter, own] : moved_) parameter.set_data(own);
}

bool inDefaultLayout(const std::vector<torch::Tensor>& tensors) {
    for (const torch::Tensor& tensor : tensors) {
        if (tensor.dim() == 4 && tensor.strides().vec() != stridesOf(tensor, at::MemoryFormat::Contiguous))
            return false;
    }
    return true;
}

}  // namespace learn2add::models
