#pragma once
// Everything that defines an addition training run (ASSIGNMENT.md Part III), validated up front.
//
//   auto options = AdditionTrainingOptions().epochs(10);                 // the app's recipe
//   auto exact = AdditionTrainingOptions().recipe(AdditionRecipe::Assignment);
//
// Recipes. The loss is always
//   reconstructionWeight x L2(D(E(x)), x) + L2(D(P(E(x), u)), y) + codeWeight x L2(P(E(x), u), E(y))
// with x the input, u the addend and y the expected image.
// - Assignment: exactly the assignment's loss (0.1, 1, 1), gradients through both sides of the
//   code term. The code term can then be lowered by shrinking every code together, which
//   collapses the codes (see AdditionTrainer.h for the measurements).
// - Guided (default): the same terms and weights, but the code term teaches P only: E(x) and E(y)
//   are constants for it (stop-gradient on both). The encoder and decoder are shaped by the two
//   image terms, and P learns to predict the codes the encoder makes. Measured with a stop-gradient
//   on E(y) alone: the codes grew without bound (spread 2.4e5 and a code loss of 5e10 after 10,000
//   pairs), because the step that moves E(x) towards P's target also moves the target.

#include <torch/arg.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "models/DecoderKind.h"

namespace learn2add::train {

enum class AdditionRecipe { Guided, Assignment };
const char* toString(AdditionRecipe recipe);                          // "guided", "assignment"
AdditionRecipe additionRecipeFromString(const std::string& name);     // throws invalid_argument

struct AdditionTrainingOptions {
    TORCH_ARG(models::DecoderKind, decoder) = models::DecoderKind::Upsample;
    TORCH_ARG(std::int64_t, codeSize) = 7;
    TORCH_ARG(AdditionRecipe, recipe) = AdditionRecipe::Guided;
    TORCH_ARG(double, reconstructionWeight) = 0.1;  // the assignment's scaling
    TORCH_ARG(double, codeWeight) = 1.0;
    TORCH_ARG(int, epochs) = 100;
    TORCH_ARG(int, batchSize) = 128;
    TORCH_ARG(double, learningRate) = 1e-3;
    TORCH_ARG(std::uint64_t, seed) = 42;
    TORCH_ARG(int, threads) = 2;
    TORCH_ARG(int, maxBatchesPerEpoch) = 0;
    TORCH_ARG(int, earlyStoppingPatience) = 0;
    // Guided recipe only, before the first epoch (see AdditionTrainer.h): epochs of reconstruction
    // alone over the train images (skipped when initRun is set), then passes of P alone over the
    // train pairs' codes. 0 turns a warm-up off. maxBatchesPerEpoch bounds both, as it does epochs.
    TORCH_ARG(int, autoencoderWarmupEpochs) = 3;
    TORCH_ARG(int, adderWarmupPasses) = 20;
    // A Part II run whose best.pt starts the encoder and decoder (empty: from scratch). Its decoder
    // and code size must match.
    TORCH_ARG(std::filesystem::path, initRun);
    // A judge run (learn2add-cli train judge) that reads the grid and measures the addition
    // accuracy on the validation split every epoch (empty: no accuracy, no marks).
    TORCH_ARG(std::filesystem::path, judgeRun);

public:
    void validate() const;  // throws std::invalid_argument naming the field and the allowed range
    bool codeTermTrainsAdderOnly() const { return recipe() == AdditionRecipe::Guided; }
};

}  // namespace learn2add::train
