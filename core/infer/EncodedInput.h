#pragma once
// The code E gives one input, kept while the model and the input stay the same: a slider move then
// runs only P, D and the judge, not the resize and the encoder again.
//
//   EncodedInput encoded;
//   const models::GaussianCode& code = encoded.codeOf(model, input);   // E runs
//   encoded.codeOf(model, input);                                      // kept: E does not run
//
// The model is held (a handle), so a new model is never mistaken for a freed one at the same
// address. One thread at a time.

#include "infer/GreyImage.h"
#include "models/AdditionModel.h"
#include "models/GaussianCode.h"

namespace learn2add::infer {

class EncodedInput {
public:
    // E's code of `input` at the model's image size (a plain encoder's code has an undefined
    // log-variance), without gradients.
    const models::GaussianCode& codeOf(models::AdditionModel& model, const GreyImage& input);
    // How many times the encoder ran.
    int encodings() const { return encodings_; }

private:
    std::shared_ptr<models::AdditionModelImpl> model_;
    GreyImage input_;
    models::GaussianCode code_;
    int encodings_ = 0;
};

}  // namespace learn2add::infer
