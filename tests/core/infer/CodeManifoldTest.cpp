#include "infer/CodeManifold.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>
#include <random>
#include <stdexcept>

#include "data/DigitTensors.h"

namespace learn2add::infer {
namespace {

// `count` random 28x28 images labelled 0, 1, ..., 9, 0, ...
data::DigitSet randomSet(std::size_t count) {
    data::DigitSet set;
    set.rows = set.cols = 28;
    std::mt19937 random(11);
    std::uniform_int_distribution<int> byte(0, 255);
    set.pixels.resize(count * 28 * 28);
    for (auto& pixel : set.pixels) pixel = static_cast<std::uint8_t>(byte(random));
    for (std::size_t i = 0; i < count; ++i) set.labels.push_back(static_cast<std::uint8_t>(i % 10));
    return set;
}

models::Autoencoder makeManifoldModel(std::int64_t codeSize, bool variational) {
    torch::manual_seed(2);
    return models::Autoencoder(models::AutoencoderOptions()
                                   .decoder(models::DecoderKind::Upsample)
                                   .codeSize(codeSize)
                                   .variational(variational));
}

TEST(CodeManifold, ACodeTwoModelsPlaneIsItsCodesAndTheRangeHoldsThem) {
    models::Autoencoder model = makeManifoldModel(2, false);
    model->train();
    const data::DigitSet set = randomSet(200);
    const CodePlane plane = fitCodePlane(model, set);
    EXPECT_TRUE(model->is_training()) << "the model's mode is restored";
    ASSERT_EQ(plane.points.size(), 400u);
    EXPECT_EQ(plane.labels, set.labels);
    EXPECT_FALSE(plane.variational);
    EXPECT_FALSE(plane.projection.isSlice());
    EXPECT_EQ(plane.describe(), "the 2-d codes themselves");

    const PlaneRange range = manifoldRange(plane, ManifoldRange::Codes);
    ASSERT_GT(range.xMax, range.xMin);
    ASSERT_GT(range.yMax, range.yMin);
    int inside = 0;
    for (std::size_t i = 0; i < 200; ++i) {
        const double x = plane.points[2 * i], y = plane.points[2 * i + 1];
        inside += x >= range.xMin && x <= range.xMax && y >= range.yMin && y <= range.yMax;
    }
    EXPECT_GE(inside, 196) << "the 1st-99th percentiles, widened, hold nearly every code";
}

TEST(CodeManifold, EachTileIsTheDecodingOfItsCellsCentre) {
    models::Autoencoder model = makeManifoldModel(7, false);
    const CodePlane plane = fitCodePlane(model, randomSet(120));
    EXPECT_TRUE(plane.projection.isSlice());
    EXPECT_NE(plane.describe().find("a slice: the PCA plane of the 7-d codes"), std::string::npos)
        << plane.describe();
    const PlaneRange range{-2.0, 4.0, -1.0, 3.0};
    const CodeManifold manifold = decodeManifold(model, plane.projection, range, 5);
    ASSERT_EQ(manifold.tiles.size(), 25u);
    EXPECT_EQ(manifold.tileSize, 32);
    EXPECT_EQ(manifold.range, range);
    double x = 0.0, y = 0.0;
    manifoldCellCentre(range, 5, 0, 0, x, y);
    EXPECT_DOUBLE_EQ(x, -2.0 + 0.6);  // column 0 is the left
    EXPECT_DOUBLE_EQ(y, 3.0 - 0.4);   // row 0 is the top
    for (const auto [row, column] : {std::pair{0, 0}, std::pair{1, 3}, std::pair{4, 4}}) {
        manifoldCellCentre(range, 5, row, column, x, y);
        const GreyImage one = decodePlanePoint(model, plane.projection, x, y).image;
        const GreyImage& tile = manifold.tiles[static_cast<std::size_t>(row * 5 + column)];
        ASSERT_EQ(one.pixels.size(), tile.pixels.size());
        int worst = 0;
        for (std::size_t p = 0; p < one.pixels.size(); ++p) {
            worst = std::max(worst, std::abs(int(one.pixels[p]) - int(tile.pixels[p])));
        }
        EXPECT_LE(worst, 1) << "tile (" << row << ", " << column << ")";
    }
    // Different points of the plane decode differently.
    EXPECT_NE(manifold.tiles.front().pixels, manifold.tiles.back().pixels);
}

TEST(CodeManifold, ThePriorRangeIsThreeSigmaAroundTheZeroCode) {
    models::Autoencoder model = makeManifoldModel(2, true);
    const CodePlane plane = fitCodePlane(model, randomSet(50));
    EXPECT_TRUE(plane.variational);
    EXPECT_EQ(manifoldRange(plane, ManifoldRange::Prior), (PlaneRange{-3.0, 3.0, -3.0, 3.0}));

    // On a slice of a 7-d code: centred where the zero code lands in the plane (the plane runs
    // through the codes' mean, so that is minus the mean's coordinates), not at the plane's origin.
    models::Autoencoder seven = makeManifoldModel(7, true);
    const data::DigitSet set = randomSet(80);
    const CodePlane slice = fitCodePlane(seven, set);
    const PlaneRange prior = manifoldRange(slice, ManifoldRange::Prior);
    torch::NoGradGuard noGrad;
    seven->eval();
    const torch::Tensor codes = seven->encode(data::imagesToTensor(set, 32));
    const torch::Tensor meanInPlane =
        slice.projection.project(codes.mean(0, true)) - slice.projection.project(torch::zeros({1, 7}));
    EXPECT_NEAR((prior.xMin + prior.xMax) / 2, -meanInPlane[0][0].item<double>(), 1e-4);
    EXPECT_NEAR((prior.yMin + prior.yMax) / 2, -meanInPlane[0][1].item<double>(), 1e-4);
    EXPECT_NEAR(prior.xMax - prior.xMin, 6.0, 1e-9);
}

TEST(CodeManifold, RefusesBadStepsRangesAndTooFewImages) {
    models::Autoencoder model = makeManifoldModel(2, false);
    const CodePlane plane = fitCodePlane(model, randomSet(20));
    EXPECT_THROW(decodeManifold(model, plane.projection, PlaneRange{}, 1), std::invalid_argument);
    EXPECT_THROW(decodeManifold(model, plane.projection, PlaneRange{}, 41), std::invalid_argument);
    EXPECT_THROW(decodeManifold(model, plane.projection, PlaneRange{1.0, 1.0, 0.0, 1.0}, 5),
                 std::invalid_argument);
    EXPECT_THROW(fitCodePlane(model, randomSet(1)), std::invalid_argument);
}

}  // namespace
}  // namespace learn2add::infer
