#pragma once
// Everything that defines an addition training run (ASSIGNMENT.md Part III), validated up front.
//
//   auto options = recipeDefaults(AdditionVariant::Autoencoder, AdditionRecipe::Guided).epochs(8);
//   auto exact = recipeDefaults(AdditionVariant::Autoencoder, AdditionRecipe::Assignment);
//
// recipeDefaults is the one source of the defaults: the CLI, the window and the assignment plan
// start from it. The loss is always
//   reconstructionWeight x L2(D(E(x)), x) + L2(D(P(E(x), u)), y) + codeWeight x L2(P(E(x), u), E(y))
// with x the input, u the addend and y the expected image.
// - Assignment: exactly the assignment's loss (0.1, 1, 1), gradients through both sides of the
//   code term, Adam at a constant 1e-3. The code term can then be lowered by shrinking every code
//   together, which collapses the codes (see AdditionTrainer.h for the measurements).
// - Guided (default): the same terms and weights, with changes that use only the assignment's
//   tuples (image, addend, expected image), each measured (README):
//   1. The code term teaches P only: E(x) and E(y) are constants for it (stop-gradient on both).
//      With a stop-gradient on E(y) alone the codes grew without bound (spread 2.4e5 and a code
//      loss of 5e10 after 10,000 pairs): the step that moves E(x) towards P's target also moves
//      the target.
//   2. Two warm-ups before the first epoch (AdditionTrainer.h).
//   3. Adam's rate falls along a cosine to 0 over the run (learningRateSchedule Cosine): with E(y)
//      of one random image of the sum as the target, a constant rate keeps following the last
//      batches' noise (93-95 % from epoch 4 on); the falling rate settles at 95-96 %.
//   4. A generative P's variational model keeps its codes apart only with a lighter KL (klWeight
//      3e-4): at 1e-3 without labels its codes collapse (17-22 % accuracy).
// Two aids use the digit labels that built the pairs, a supervision the assignment's tuples do
// not carry; both are off by default and stay as options (named so in the CLI and the window):
//   - digitWeight x CE(probe(E(x)), digit of x): a linear digit probe on the input code (a
//     dashed, training-only module: not in the inference model, not saved). It gives the codes the
//     input's digit from the first batch.
//   - codeTarget Prototype: the code term's target is the mean code of the sum's digit
//     (CodePrototypes.h) instead of E(y) of one image of it (Sample, the assignment's): the same
//     expected gradient for P without the noise of the digit's spread of codes. A generative P
//     always fits samples: its variance is meant to learn that spread.
//
// Variants (Part IV, models/AdditionVariant.h). A variational encoder adds
//   klWeight x KL(q(z | x) || N(0, I)), summed over the code's dimensions, averaged over the batch.
// The image terms are per-pixel means (a 32x32 image counts 1/1024 per pixel), so klWeight 1e-3 ~
// 1/1024 is the textbook ELBO's balance (KL against the pixel errors summed).
// The code term is on the means: L2(P(mean of E(x), u), mean of E(y)); a generative P is fitted
// instead by the Gaussian negative log-likelihood of mean of E(y) under P's Gaussian
//   0.5 x sum over the code (log variance + (mean of E(y) - P's mean)^2 / variance) / codeSize,
// which makes P's variance the spread of the result codes it cannot tell apart: its samples then
// show which images of the sum are likely. The reconstruction and the generated image are
// decoded from samples (the reparameterization trick), so the image terms train through them.

#include <torch/arg.h>

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "common/Precision.h"
#include "data/HeldOutCells.h"
#include "train/LearningRateSchedule.h"
#include "models/AdditionVariant.h"
#include "models/DecoderKind.h"

namespace learn2add::train {

enum class AdditionRecipe { Guided, Assignment };
enum class CodeTarget { Prototype, Sample };
const char* toString(CodeTarget target);                              // "prototype", "sample"
CodeTarget codeTargetFromString(const std::string& name);             // throws invalid_argument
const char* toString(AdditionRecipe recipe);                          // "guided", "assignment"
AdditionRecipe additionRecipeFromString(const std::string& name);     // throws invalid_argument

struct AdditionTrainingOptions {
    TORCH_ARG(models::AdditionVariant, variant) = models::AdditionVariant::Autoencoder;
    TORCH_ARG(models::DecoderKind, decoder) = models::DecoderKind::Upsample;
    TORCH_ARG(std::int64_t, codeSize) = 7;
    TORCH_ARG(AdditionRecipe, recipe) = AdditionRecipe::Guided;
    TORCH_ARG(double, reconstructionWeight) = 0.1;  // the assignment's scaling
    TORCH_ARG(double, codeWeight) = 1.0;
    TORCH_ARG(double, digitWeight) = 0.0;  // guided recipe only: the digit probe's weight (labels)
    TORCH_ARG(double, klWeight) = 1e-3;    // variational variants only: beta (see above)
    TORCH_ARG(CodeTarget, codeTarget) = CodeTarget::Sample;  // guided recipe only (see above)
    TORCH_ARG(int, epochs) = 100;
    TORCH_ARG(int, batchSize) = 128;
    TORCH_ARG(double, learningRate) = 1e-3;
    TORCH_ARG(LearningRateSchedule, learningRateSchedule) = LearningRateSchedule::Cosine;
    TORCH_ARG(std::uint64_t, seed) = 42;
    TORCH_ARG(int, threads) = 2;
    TORCH_ARG(Precision, precision) = Precision::Fp32;  // of the training step (not the warm-ups)
    TORCH_ARG(int, maxBatchesPerEpoch) = 0;
    TORCH_ARG(int, earlyStoppingPatience) = 0;
    // Guided recipe only, before the first epoch (see AdditionTrainer.h): epochs of reconstruction
    // alone over the train images (skipped when initRun is set), then passes of P alone over the
    // train pairs' codes. 0 turns a warm-up off. maxBatchesPerEpoch bounds both, as it does epochs.
    TORCH_ARG(int, autoencoderWarmupEpochs) = 3;
    TORCH_ARG(int, adderWarmupPasses) = 300;
    // A Part II run whose best.pt starts the encoder and decoder (empty: from scratch). Its decoder
    // and code size must match.
    TORCH_ARG(std::filesystem::path, initRun);
    // A judge run (learn2add-cli train judge) that reads the grid and measures the addition
    // accuracy on the validation split every epoch (empty: no accuracy, no marks).
    TORCH_ARG(std::filesystem::path, judgeRun);
    // (digit, addend) cells left out of the training pairs and of the validation L2 that picks
    // best.pt (data/HeldOutCells.h); the accuracy and the test split keep every cell. Empty: none.
    TORCH_ARG(data::HeldOutCells, heldOut) = {};

public:
    void validate() const;  // throws std::invalid_argument naming the field and the allowed range
    bool codeTermTrainsAdderOnly() const { return recipe() == AdditionRecipe::Guided; }
    // The digit probe's weight in force: 0 for the assignment recipe, whatever digitWeight says.
    // Whether the code term's targets are the prototypes (guided, codeTarget Prototype, plain P).
    bool usesPrototypes() const {
        return recipe() == AdditionRecipe::Guided && codeTarget() == CodeTarget::Prototype &&
               !models::hasGenerativeAdder(variant());
    }
    double effectiveDigitWeight() const {
        return recipe() == AdditionRecipe::Guided ? digitWeight() : 0.0;
    }
    // Whether training reads the digit labels of the pairs (the digit probe or the prototypes).
    bool usesDigitLabels() const { return effectiveDigitWeight() > 0.0 || usesPrototypes(); }
};

// The options of a recipe for a variant, every other field at its default (see above): Guided
// without labels (cosine schedule, sample targets, KL 1e-3, or 3e-4 for a generative P), or the
// assignment's exact recipe (constant rate, KL 1e-3).
AdditionTrainingOptions recipeDefaults(models::AdditionVariant variant, AdditionRecipe recipe);

// The labelled aids of the guided recipe on top of `options`: the digit probe (weight 1) and the
// prototype targets (a generative P always fits samples, so only the probe applies to it). The
// models shipped until session 12 had them with a constant rate and KL weight 1e-3.
AdditionTrainingOptions withDigitLabelAids(AdditionTrainingOptions options);

// The options a run was trained with, from its config.json (the inverse of additionRunConfig in
// AdditionTrainer.h, for resuming it). Throws std::invalid_argument naming what is missing.
AdditionTrainingOptions additionOptionsFromConfig(const nlohmann::json& config);

}  // namespace learn2add::train
