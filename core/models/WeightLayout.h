#pragma once
// The memory layout of a model's convolution weights. Training keeps them channels-last (NHWC):
// LibTorch 1.13 then runs every convolution of the step, forward and backward, in oneDNN's
// channels-last kernels, and each layer's output stays channels-last for the next one. Measured on
// this project's 2-core AMD EPYC with the PyTorch twin (bench/python/autoencoder_twin.py
// --channels-last, the same kernels): 1.2-1.4x the images/s in fp32 and 1.3-1.9x in bf16, the
// upsample autoencoder 1,100 -> 2,000 img/s in bf16. The values are the model's; only the order
// in memory changes, so checkpoints, views and every reader see the same numbers (in the last bits
// the kernels sum in another order). Everything else (inference, saved checkpoints) keeps the
// default layout: the training loop hands the model back in it.
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

}  // namespace learn2add::models
