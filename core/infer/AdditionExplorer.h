#pragma once
// What the Addition page's explorer shows, computed from an addition model and (optionally) the
// judge: the output for one addend (the slider), and the study of one input (the assignment's
// strip, a sweep strip and the judge's probabilities over a range of addends). The input is
// encoded once per input (EncodedInput): a new addend runs only P, D and the judge.
//
//   EncodedInput encoded;
//   JudgedOutput out = addToInput(model, &judge, encoded, input, 1.5);   // out.read == 8 for a 7
//   InputStudy study = studyInput(model, &judge, encoded, input, InputStudySettings{});
//
// Pure functions of their arguments (no gradients; the models stay in eval mode); one thread at a
// time per model.

#include <array>
#include <vector>

#include "infer/EncodedInput.h"
#include "infer/InferenceSettings.h"
#include "infer/GreyImage.h"
#include "models/AdditionModel.h"
#include "models/DigitJudge.h"

namespace learn2add::infer {

struct JudgedOutput {
    GreyImage image;                   // the generated image at the model's size
    std::vector<float> probabilities;  // the judge's 10 class probabilities; empty without judge
    int read = -1;                     // the judge's digit; -1 without judge
};

// The output for one addend: D(P(E(input), addend)), what model->add() gives.
JudgedOutput addToInput(models::AdditionModel& model, models::DigitJudge* judge,
                        EncodedInput& encoded, const GreyImage& input, double addend);

struct JudgedTile {
    double addend = 0.0;
    GreyImage image;
    int read = -1;  // -1 without judge
};

struct InputStudy {
    std::vector<JudgedTile> strip;
    std::vector<JudgedTile> sweep;
    std::vector<double> transitionAddends;
    // [digit][point]: the judge's probability of the digit; empty without judge.
    std::array<std::vector<double>, 10> transition;
};

// Every tile and transition point decoded and judged in one batch.
InputStudy studyInput(models::AdditionModel& model, models::DigitJudge* judge,
                      EncodedInput& encoded, const GreyImage& input,
                      const InputStudySettings& settings);

}  // namespace learn2add::infer
