#pragma once
// The code manifold (ASSIGNMENT.md's "2D manifold of digits"): the decoder D over a plane of codes.
// The plane is fitted on the encoder's codes of a set of images (the validation split's): for a
// code of size 2 it is the code space itself, for a larger code the plane of the codes' first two
// principal components through their mean (a slice: the other components stay at the mean). A grid
// of points over a range of the plane is decoded into tiles, and any single point on demand.
//
//   CodePlane plane = fitCodePlane(run.model, data.validation);
//   PlaneRange range = manifoldRange(plane, ManifoldRange::Codes);
//   CodeManifold grid = decodeManifold(run.model, plane.projection, range, 15);
//   PlanePointImage one = decodePlanePoint(run.model, plane.projection, 0.5, -1.0, &judge);
//
// Thread-safety: plain values; the functions use the model from the calling thread only.

#include <cstdint>
#include <string>
#include <vector>

#include "data/DigitSet.h"
#include "infer/GreyImage.h"
#include "infer/LatentProjection.h"
#include "infer/PlaneRange.h"
#include "models/Autoencoder.h"
#include "models/DigitJudge.h"

namespace learn2add::infer {

struct CodePlane {
    LatentProjection projection;
    std::vector<float> points;          // the images' codes in the plane: x0, y0, x1, y1, ...
    std::vector<std::uint8_t> labels;   // the digit of each point
    bool variational = false;           // the encoder gives a Gaussian (its mean is the code)
    // E.g. "the 2-d codes themselves" or "a slice: the PCA plane of the 7-d codes through their
    // mean (61% of the variance)".
    std::string describe() const;
};

// Encodes every image of `set` (500 per batch, no gradients; a variational encoder's mean).
// Throws std::invalid_argument when the set has fewer than 2 images.
CodePlane fitCodePlane(models::Autoencoder& model, const data::DigitSet& set);

PlaneRange manifoldRange(const CodePlane& plane, ManifoldRange kind);

struct CodeManifold {
    PlaneRange range;
    int steps = 0;        // tiles per side
    int tileSize = 0;     // the model's image size
    // steps x steps tiles, row-major; row 0 is the top (yMax), column 0 the left (xMin). Tile
    // (row, column) is the decoding of the centre of its cell of the range.
    std::vector<GreyImage> tiles;
};

// The centre of tile (row, column) of a steps x steps grid over `range`.
void manifoldCellCentre(const PlaneRange& range, int steps, int row, int column, double& x, double& y);

// Throws std::invalid_argument for steps outside [2, 40] or an empty range.
CodeManifold decodeManifold(models::Autoencoder& model, const LatentProjection& projection,
                            const PlaneRange& range, int steps);
// One point of the plane decoded, with the digit the judge reads in it (judgeReadings: from the
// decoded tensor, at 32 x 32); -1 without a judge.
struct PlanePointImage {
    GreyImage image;
    int read = -1;
};
PlanePointImage decodePlanePoint(models::Autoencoder& model, const LatentProjection& projection, double x,
                                 double y, models::DigitJudge* judge = nullptr);

}  // namespace learn2add::infer
