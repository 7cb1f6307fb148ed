#pragma once
// How many numbers a model learns: the size shown next to each architecture in the UI and the
// report (Part II.4 asks which architecture to keep; size is part of the answer).
//
//   std::int64_t n = parameterCount(*autoencoder);   // every parameter, trainable or not
//
// Reads the module's parameter list: call it from the thread that owns the module.

#include <torch/nn/module.h>

#include <cstdint>

namespace learn2add::models {

// Total number of scalar values in the module's parameters, its children's included. With
// trainableOnly, parameters with requires_grad() == false (frozen ones) are left out.
std::int64_t parameterCount(const torch::nn::Module& module, bool trainableOnly = false);

}  // namespace learn2add::models
