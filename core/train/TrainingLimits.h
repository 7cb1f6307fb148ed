#pragma once
// Bounds of the training options that decide memory. Measured on the embedded data (peak resident
// memory of `learn2add-cli train autoencoder --decoder resize64 --max-batches 1`): batch 128
// 1.2 GB, 512 3.8 GB, 2048 9.1 GB; resize64 is the heaviest model (64x64 feature maps). So 1024
// (about 5-6 GB) keeps every model within a 16 GB machine.

namespace learn2add::train {

constexpr int kMaxBatchSize = 1024;

}  // namespace learn2add::train
