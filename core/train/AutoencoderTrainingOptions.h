#pragma once
// Everything that defines an autoencoder training run (ASSIGNMENT.md Part II), validated up front.
//
//   auto options = AutoencoderTrainingOptions().decoder(models::DecoderKind::Mirror)
//                      .loss(ReconstructionLoss::Bce).codeSize(2).epochs(10);
//   options.validate();   // throws std::invalid_argument saying what is allowed

#include <torch/arg.h>

#include <cstdint>
#include <string>

#include "common/Precision.h"
#include "models/DecoderKind.h"

namespace learn2add::train {

enum class ReconstructionLoss { L2, Bce };
const char* toString(ReconstructionLoss loss);               // "l2", "bce"
ReconstructionLoss reconstructionLossFromString(const std::string& name);  // throws invalid_argument

struct AutoencoderTrainingOptions {
    TORCH_ARG(models::DecoderKind, decoder) = models::DecoderKind::Upsample;
    TORCH_ARG(ReconstructionLoss, loss) = ReconstructionLoss::L2;
    TORCH_ARG(std::int64_t, codeSize) = 7;
    TORCH_ARG(int, epochs) = 100;             // the assignment's default
    TORCH_ARG(int, batchSize) = 128;
    TORCH_ARG(double, learningRate) = 1e-3;   // Adam
    TORCH_ARG(std::uint64_t, seed) = 42;
    TORCH_ARG(int, threads) = 2;              // LibTorch intra-op threads
    TORCH_ARG(Precision, precision) = Precision::Fp32;  // of the training step
    TORCH_ARG(int, maxBatchesPerEpoch) = 0;   // 0: the whole train split every epoch
    TORCH_ARG(int, earlyStoppingPatience) = 0;  // 0: off; else stop after N epochs without a new best

public:  // TORCH_ARG leaves the struct in private mode
    // Throws std::invalid_argument with a message naming the field and the allowed range.
    void validate() const;
};

}  // namespace learn2add::train
