#include "infer/LatentProjection.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>

namespace learn2add::infer {
namespace {

TEST(LatentProjection, KeepsTwoDimensionalCodesAsTheyAre) {
    const torch::Tensor codes = torch::tensor({{1.0f, 2.0f}, {3.0f, -4.0f}, {0.5f, 0.0f}});
    const LatentProjection plane = LatentProjection::fit(codes);
    EXPECT_TRUE(torch::equal(plane.project(codes), codes));
    EXPECT_DOUBLE_EQ(plane.keptVariance(), 1.0);
    EXPECT_EQ(plane.describe(), "the 2-d codes themselves");
}

TEST(LatentProjection, FindsThePlaneOfCodesThatLieInOne) {
    // 7-d codes on a plane through c, spanned by two orthonormal directions a and b.
    torch::manual_seed(3);
    const torch::Tensor basis = std::get<0>(torch::linalg_qr(torch::randn({7, 2})));  // [7, 2]
    const torch::Tensor centre = torch::randn({7});
    const torch::Tensor plane2d = torch::randn({200, 2}) * torch::tensor({3.0f, 1.0f});
    const torch::Tensor codes = plane2d.matmul(basis.t()) + centre;
    const LatentProjection plane = LatentProjection::fit(codes);
    EXPECT_NEAR(plane.keptVariance(), 1.0, 1e-5);
    EXPECT_EQ(plane.describe(), "PCA of the 7-d codes: 100% of the variance");
    // Distances within the plane survive the projection (up to rotation and reflection).
    const torch::Tensor xy = plane.project(codes);
    ASSERT_EQ(xy.sizes(), (std::vector<std::int64_t>{200, 2}));
    // Compared in float64 from explicit differences (cdist may take a matrix-product path whose
    // float32 rounding depends on the CPU and the BLAS), with a tolerance scaled to the codes: the
    // projection itself runs in float32, so its error grows with the codes' magnitude.
    const auto distances = [](const torch::Tensor& points) {
        const torch::Tensor p = points.to(torch::kFloat64);
        return (p.unsqueeze(1) - p.unsqueeze(0)).pow(2).sum(-1).sqrt();
    };
    const double tolerance = 1e-4 * std::max(1.0, codes.abs().max().item<double>());
    const double worst = (distances(xy) - distances(plane2d)).abs().max().item<double>();
    EXPECT_LT(worst, tolerance);
    // The first axis carries the larger spread.
    EXPECT_GT(xy.select(1, 0).std().item<double>(), xy.select(1, 1).std().item<double>());
    // Other codes land in the same plane: a code moved by one unit along a direction of the plane
    // moves by one unit.
    const torch::Tensor moved = plane.project(codes.slice(0, 0, 1) + basis.select(1, 0));
    EXPECT_NEAR((moved - xy.slice(0, 0, 1)).norm().item<double>(), 1.0, 1e-4);
}

TEST(LatentProjection, LiftsPointsOfThePlaneBackToCodesOnIt) {
    torch::manual_seed(5);
    const torch::Tensor codes = torch::randn({300, 7}) * torch::linspace(3.0, 0.5, 7);
    const LatentProjection plane = LatentProjection::fit(codes);
    EXPECT_TRUE(plane.isSlice());
    const torch::Tensor points = torch::randn({20, 2}) * 4.0;
    const torch::Tensor lifted = plane.lift(points);
    ASSERT_EQ(lifted.sizes(), (std::vector<std::int64_t>{20, 7}));
    // A point of the plane goes to a code that projects back to the same point.
    EXPECT_LT((plane.project(lifted) - points).abs().max().item<double>(), 1e-4 * 4.0 * 4.0);
    // The plane's origin is the codes' mean (the other components stay there).
    EXPECT_LT((plane.lift(torch::zeros({1, 2}))[0] - codes.mean(0)).abs().max().item<double>(), 1e-5);

    const LatentProjection own = LatentProjection::fit(torch::randn({10, 2}));
    EXPECT_FALSE(own.isSlice());
    EXPECT_TRUE(torch::equal(own.lift(points), points));
}

TEST(LatentProjection, RefusesTooFewCodes) {
    EXPECT_THROW(LatentProjection::fit(torch::zeros({1, 7})), c10::Error);
}

}  // namespace
}  // namespace learn2add::infer
