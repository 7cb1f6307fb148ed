#pragma once
// What the Compare page shows, computed from the models: one view per addend (each model's mean
// output, K samples with their mean and spread, the judge's reading, P's code in the latent plane)
// and one study per input (the fixed strip, the judge's expected digit over the transition range,
// P's path in the latent plane). Worker thread only (this header includes LibTorch); pure
// functions of their arguments, no gradients.
//
//   std::vector<ComparedModel> models = {{0, aeModel, &aePlane}, {2, genModel, nullptr}};
//   ComparisonView view = computeComparisonView(models, &judge, request);

#include <vector>

#include "comparison/ComparisonViewTypes.h"
#include "models/AdditionModel.h"
#include "models/DigitJudge.h"

namespace learn2add::ui {

class LatentProjection;

struct ComparedModel {
    int slot = 0;
    models::AdditionModel model{nullptr};     // eval mode
    const LatentProjection* plane = nullptr;  // null until the validation codes are projected
};

// `judge` may be null (no readings). The spread images of all rows share one scale. Per model the
// input is encoded once and its mean output and K samples are decoded in one call; the judge reads
// every row's images in one call. bench/results/comparison-latency.md times one call
// (learn2add-compare-bench).
ComparisonView computeComparisonView(const std::vector<ComparedModel>& models,
                                     models::DigitJudge* judge,
                                     const ComparisonViewRequest& request);

ComparisonStudy computeComparisonStudy(const std::vector<ComparedModel>& models,
                                       models::DigitJudge* judge,
                                       const ComparisonStudyRequest& request);

}  // namespace learn2add::ui
