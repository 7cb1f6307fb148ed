#pragma once
// Codes of any size in a plane: the code itself for code size 2, otherwise its first two principal
// components, fitted once on a set of codes (the validation split's) so that other codes (the path
// P's output takes) land in the same plane. A plain value once fitted; any thread.
//
//   LatentProjection plane = LatentProjection::fit(validationCodes);    // [N, C]
//   torch::Tensor xy = plane.project(model->resultCode(images, addends));  // [M, 2]

#include <torch/types.h>

#include <string>

namespace learn2add::infer {

class LatentProjection {
public:
    // `codes` [N, C] with N >= 2 and C >= 1; a code of size 1 gets a zero second axis.
    static LatentProjection fit(const torch::Tensor& codes);

    // [M, C] -> [M, 2] float32.
    torch::Tensor project(const torch::Tensor& codes) const;
    // The codes of points of the plane: [M, 2] -> [M, C] float32. For a code of size 2 the points
    // themselves; otherwise the plane through the codes' mean spanned by the two components (a
    // slice of the code space), so lift(project(c)) is c with its other components dropped.
    torch::Tensor lift(const torch::Tensor& points) const;
    // True when the plane is a slice of a larger code space (code size above 2).
    bool isSlice() const { return codeSize_ > 2; }

    std::int64_t codeSize() const { return codeSize_; }
    // The share of the codes' variance the plane keeps (1 for code sizes 1 and 2).
    double keptVariance() const { return keptVariance_; }
    // E.g. "the 2-d codes themselves" or "PCA of the 7-d codes: 61% of the variance".
    std::string describe() const;

private:
    std::int64_t codeSize_ = 0;
    torch::Tensor mean_;   // [C]; undefined when the codes are used as they are
    torch::Tensor basis_;  // [C, 2]
    double keptVariance_ = 1.0;
};

}  // namespace learn2add::infer
