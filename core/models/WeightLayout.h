#pragma once
// The memory layout of a model's convolution weights. Training keeps them channels-last (NHWC):
// LibTorch 1.13 then runs every convolution of the step, forward and backward, in oneDNN's
// channels-last kernels, and each layer's output stays channels-last for the next one. Measured on
// this project's 2-core AMD EPYC (bench/run-precision-benchmark.sh, the PyTorch twin in both
// layouts): the twin trains 1.1-1.3x faster in fp32 and 1.2-1.6x in bf16 channels-last, and the
// C++ upsample autoencoder reaches 2,000 images/s in bf16 (1,040-1,460 in the default layout).
// The values are the model's; only their order in memory changes (the kernels sum in another
// order, so the last bits of a training differ from the default layout's; per layout a run is
// deterministic). The training loop hands the model back in the default layout, and checkpoints
// store it; the app's views lay out the runs they open channels-last too (infer/OpenedRuns.h).
//
//   models::setWeightLayout(parameters, at::MemoryFormat::ChannelsLast);   // before Adam sees them
//   ... train ...
//   models::setWeightLayout(model.parameters(), at::MemoryFormat::Contiguous);
//
// Only 4-D tensors (convolution weights) change; linear layers and biases have no such layout.
// The tensors keep their identity (Tensor::set_data), so an optimizer built on them, before or
// after, still holds them.

#include <torch/torch.h>

#include <vector>

namespace learn2add::models {

void setWeightLayout(const std::vector<torch::Tensor>& parameters, at::MemoryFormat layout);

// True when every 4-D tensor is in the default layout: what a checkpoint stores.
bool inDefaultLayout(const std::vector<torch::Tensor>& tensors);

// The 4-D tensors in the default layout while it lives, then in their own again, the very same
// memory (a checkpoint of a model that trains channels-last).
class DefaultLayoutWhile {
public:
    explicit DefaultLayoutWhile(const std::vector<torch::Tensor>& parameters);
    ~DefaultLayoutWhile();
    DefaultLayoutWhile(const DefaultLayoutWhile&) = delete;
    DefaultLayoutWhile& operator=(const DefaultLayoutWhile&) = delete;

private:
    std::vector<std::pair<torch::Tensor, torch::Tensor>> moved_;  // the tensor, its own data
};

}  // namespace learn2add::models
