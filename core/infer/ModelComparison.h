#pragma once
// What the Compare page shows, computed from up to three addition models read by one judge: one
// view per addend (each model's mean output, K samples with their mean and spread, the judge's
// reading, P's code in the latent plane) and one study per input (the fixed strip, the judge's
// expected digit over the transition range, P's path in the latent plane). Each model's input
// code is kept in its EncodedInput: a new addend runs only P, D and the judge.
//
//   std::vector<ComparedModel> models = {{0, aeModel, &aePlane, &aeEncoded}, {2, genModel}};
//   ComparisonViewValues view = compareAtAddend(models, &judge, input, {.addend = 1.5});
//
// Pure functions of their arguments (no gradients); one thread at a time per model.

#include <vector>

#include "infer/EncodedInput.h"
#include "infer/InferenceSettings.h"
#include "infer/GreyImage.h"
#include "infer/LatentProjection.h"
#include "models/AdditionModel.h"
#include "models/DigitJudge.h"

namespace learn2add::infer {

struct ComparedModel {
    int slot = 0;
    models::AdditionModel model{nullptr};     // eval mode
    const LatentProjection* plane = nullptr;  // null until the validation codes are projected
    EncodedInput* encoded = nullptr;          // null: the input is encoded on every call
};

// One model's answer at one addend.
struct ModelAtAddend {
    int slot = 0;
    GreyImage mean;  // the mean-mode output (deterministic)
    int read = -1;   // the judge's digit; -1 without judge
    double readProbability = 0.0;
    double expectedDigit = -1.0;      // sum_d p_d * d; -1 without judge
    std::vector<GreyImage> samples;   // K samples; empty for a deterministic model
    std::vector<int> sampleReads;     // the judge's digit per sample; empty without judge
    GreyImage sampleMean;             // per-pixel mean of the samples
    GreyImage sampleSpread;           // per-pixel standard deviation, white = spreadScale
    double spreadMean = 0.0;          // the standard deviation averaged over the pixels
    bool hasLatentPoint = false;      // P's code at this addend in the model's plane
    double latentX = 0.0, latentY = 0.0;
};

struct ComparisonAtAddend {
    int samples = 0;
    double spreadScale = 0.0;  // the standard deviation drawn white, shared by all rows
    std::vector<ModelAtAddend> rows;
};

// `judge` may be null (no readings). The spread images of all rows share one scale. Per model the
// mean output and K samples are decoded in one call; the judge reads every row's images in one
// call. bench/results/comparison-latency.md times one call (learn2add-compare-bench).
ComparisonAtAddend compareAtAddend(const std::vector<ComparedModel>& models,
                                   models::DigitJudge* judge, const GreyImage& input,
                                   const ComparisonSettings& settings);

struct ModelInputStudy {
    int slot = 0;
    std::vector<GreyImage> strip;       // one per strip addend
    std::vector<int> stripReads;        // the judge's digit per strip tile; -1 without judge
    std::vector<double> stripExpected;  // the judge's expected digit per strip tile
    std::vector<double> expectedDigit;  // per transition point; empty without judge
    std::vector<double> pathAddends;    // the latent path; empty before the codes are projected
    std::vector<double> pathX, pathY;
};

struct ComparisonStudyValues {
    std::vector<double> transitionAddends;
    std::vector<ModelInputStudy> models;
};

// `digit` is the input's digit (the path then runs over 0 .. 9 - digit), or -1 when unknown.
ComparisonStudyValues compareOverAddends(const std::vector<ComparedModel>& models,
                                         models::DigitJudge* judge, const GreyImage& input,
                                         int digit, const ComparisonStudySettings& settings);

}  // namespace learn2add::infer
