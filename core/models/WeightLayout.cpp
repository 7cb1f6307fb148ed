#include "models/WeightLayout.h"

#include <algorithm>

namespace learn2add::models {
namespace {

// True unless `tensor` is a 4-D tensor whose strides are not those of `layout`. Compared stride for
// stride: is_contiguous() would call a weight with one input channel ([32, 1, 3, 3], the first
// convolution) contiguous in both layouts, and LibTorch picks the channels-last kernels only when
// the strides say so.
bool inLayout(const torch::Tensor& tensor, at::MemoryFormat layout) {
    return tensor.dim() != 4 ||
           tensor.strides() ==
               at::empty(tensor.sizes(), tensor.options().memory_format(layout)).strides();
}

}  // namespace

void setWeightLayout(const std::vector<torch::Tensor>& parameters, at::MemoryFormat layout) {
    torch::NoGradGuard noGrad;
    for (const torch::Tensor& parameter : parameters) {
        if (inLayout(parameter, layout)) continue;
        torch::Tensor moved = parameter;  // the same tensor: set_data keeps its identity
        moved.set_data(parameter.clone(layout));
    }
}

DefaultLayoutWhile::DefaultLayoutWhile(const std::vector<torch::Tensor>& parameters) {
    for (const torch::Tensor& parameter : parameters) {
        if (!inLayout(parameter, at::MemoryFormat::Contiguous)) {
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
    return std::all_of(tensors.begin(), tensors.end(), [](const torch::Tensor& tensor) {
        return inLayout(tensor, at::MemoryFormat::Contiguous);
    });
}

}  // namespace learn2add::models
