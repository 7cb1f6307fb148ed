#pragma once
// Morphing one digit into another through the code space: both inputs are encoded (a variational
// encoder's mean), the code is interpolated at t in [0, 1] and decoded. Linear interpolation
// z(t) = (1 - t) z0 + t z1, or spherical (along the great circle around the origin, the prior's
// mean, as one walks between two samples of a VAE's prior N(0, I) without leaving its shell).
// Beside the morph, for an addition model, the sum the model draws for the same progress: from
// digit d0 to d1 >= d0, t adds u = t (d1 - d0) — does 3 -> 5 by morphing look like 3 + u?
//
//   MorphStudy study = morphInputs(model, &judge, from, to, {.fromDigit = 3, .toDigit = 5});
//   MorphTile one = morphAt(autoencoder, &judge, from, to, 0.4, MorphPath::Spherical);
//
// Pure functions of their arguments (no gradients; the models' modes are kept); one thread at a
// time per model.

#include <vector>

#include "infer/GreyImage.h"
#include "infer/MorphSettings.h"
#include "models/AdditionModel.h"
#include "models/DigitJudge.h"

namespace learn2add::infer {

struct MorphTile {
    double t = 0.0;
    double addend = 0.0;  // addition tiles: the u added
    GreyImage image;
    int read = -1;        // the judge's digit; -1 without judge
};

struct MorphStudy {
    std::vector<MorphTile> morph;     // D(z(t)), t = 0, 1/(steps-1), ..., 1
    std::vector<MorphTile> addition;  // D(P(E(from), t (d1 - d0))); empty without P or d1 < d0
    double meanL2 = -1.0;             // per pixel between the two rows at equal t; -1 without them
};

// z(t) for every t: [T, C] from two codes [C] (float32).
torch::Tensor interpolateCodes(const torch::Tensor& z0, const torch::Tensor& z1, const std::vector<double>& ts,
                               MorphPath path);

// `addition`, when given, must be the model `autoencoder` belongs to (its E and D). `steps` in
// [2, 40]. Throws std::invalid_argument otherwise, or for an empty input.
MorphStudy morphInputs(models::Autoencoder& autoencoder, models::AdditionModel* addition,
                       models::DigitJudge* judge, const GreyImage& from, const GreyImage& to,
                       const MorphSettings& settings);
MorphTile morphAt(models::Autoencoder& autoencoder, models::DigitJudge* judge, const GreyImage& from,
                  const GreyImage& to, double t, MorphPath path);

}  // namespace learn2add::infer
