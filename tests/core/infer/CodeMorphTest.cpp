#include "infer/CodeMorph.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>
#include <stdexcept>

#include "infer/GreyImageTensors.h"

namespace learn2add::infer {
namespace {

GreyImage randomImage(int seed) {
    torch::manual_seed(seed);
    return toGreyImage(torch::rand({1, 28, 28}));
}

models::AdditionModel makeMorphModel() {
    torch::manual_seed(4);
    models::AdditionModel model(models::AdditionModelOptions().codeSize(7));
    model->eval();
    return model;
}

int worstDifference(const GreyImage& a, const GreyImage& b) {
    int worst = a.pixels.size() == b.pixels.size() ? 0 : 255;
    for (std::size_t i = 0; i < a.pixels.size() && i < b.pixels.size(); ++i) {
        worst = std::max(worst, std::abs(int(a.pixels[i]) - int(b.pixels[i])));
    }
    return worst;
}

GreyImage decoded(models::Autoencoder& autoencoder, const torch::Tensor& code) {
    torch::NoGradGuard noGrad;
    return toGreyImage(autoencoder->decode(code.unsqueeze(0))[0]);
}

TEST(CodeMorph, InterpolationsStartAndEndAtTheCodesAndTheSphericalOneKeepsTheNormsBetween) {
    const torch::Tensor z0 = torch::tensor({3.0f, 0.0f, 0.0f});
    const torch::Tensor z1 = torch::tensor({0.0f, 1.0f, 0.0f});
    for (const MorphPath path : {MorphPath::Linear, MorphPath::Spherical}) {
        const torch::Tensor z = interpolateCodes(z0, z1, {0.0, 0.5, 1.0}, path);
        EXPECT_TRUE(torch::allclose(z[0], z0, 1e-5, 1e-6));
        EXPECT_TRUE(torch::allclose(z[2], z1, 1e-5, 1e-6));
    }
    const torch::Tensor linear = interpolateCodes(z0, z1, {0.5}, MorphPath::Linear)[0];
    EXPECT_TRUE(torch::allclose(linear, torch::tensor({1.5f, 0.5f, 0.0f})));
    // Halfway round the quarter circle, at the mean of the two norms.
    const torch::Tensor spherical = interpolateCodes(z0, z1, {0.5}, MorphPath::Spherical)[0];
    EXPECT_NEAR(spherical.norm().item<double>(), 2.0, 1e-5);
    EXPECT_NEAR(spherical[0].item<double>(), spherical[1].item<double>(), 1e-5);
    EXPECT_NEAR(spherical[2].item<double>(), 0.0, 1e-6);
}

TEST(CodeMorph, TheMorphRunsFromOneInputsDecodingToTheOthersBesideTheSums) {
    models::AdditionModel model = makeMorphModel();
    models::Autoencoder autoencoder = model->autoencoder();
    const GreyImage from = randomImage(1), to = randomImage(2);
    const MorphStudy study = morphInputs(autoencoder, &model, nullptr, from, to,
                                         MorphSettings{.steps = 5, .fromDigit = 3, .toDigit = 5});
    ASSERT_EQ(study.morph.size(), 5u);
    ASSERT_EQ(study.addition.size(), 5u);
    torch::NoGradGuard noGrad;
    const torch::Tensor codes =
        autoencoder->encode(torch::cat({inputTensor(from, 32), inputTensor(to, 32)}));
    EXPECT_LE(worstDifference(study.morph.front().image, decoded(autoencoder, codes[0])), 1);
    EXPECT_LE(worstDifference(study.morph.back().image, decoded(autoencoder, codes[1])), 1);
    EXPECT_LE(worstDifference(study.morph[2].image, decoded(autoencoder, (codes[0] + codes[1]) / 2)), 1);
    EXPECT_DOUBLE_EQ(study.morph[2].t, 0.5);
    EXPECT_EQ(study.morph[2].read, -1) << "no judge, no reading";
    // The sums: 3 + 0, + 0.5, ..., + 2 from the first input's code.
    EXPECT_DOUBLE_EQ(study.addition[1].addend, 0.5);
    EXPECT_DOUBLE_EQ(study.addition[4].addend, 2.0);
    const torch::Tensor sum = autoencoder->decode(
        model->adder()->forward(codes[0].unsqueeze(0), torch::tensor({{2.0f}})));
    EXPECT_LE(worstDifference(study.addition[4].image, toGreyImage(sum[0])), 1);
    // The rows' distance: the mean squared difference per pixel at 32 x 32, from the tiles.
    double squared = 0.0;
    std::size_t pixels = 0;
    for (std::size_t i = 0; i < 5; ++i) {
        for (std::size_t p = 0; p < study.morph[i].image.pixels.size(); ++p) {
            const double d = (study.morph[i].image.pixels[p] - study.addition[i].image.pixels[p]) / 255.0;
            squared += d * d;
            ++pixels;
        }
    }
    EXPECT_NEAR(study.meanL2, squared / static_cast<double>(pixels), 2e-3);

    // One t on its own is the same decoding as the strip's.
    const MorphTile one = morphAt(autoencoder, nullptr, from, to, 0.5, MorphPath::Linear);
    EXPECT_LE(worstDifference(one.image, study.morph[2].image), 1);
}

TEST(CodeMorph, NoSumsWithoutPOrADigitGoingUpAndBadStepsAreRefused) {
    models::AdditionModel model = makeMorphModel();
    models::Autoencoder autoencoder = model->autoencoder();
    const GreyImage from = randomImage(1), to = randomImage(2);
    const MorphStudy down = morphInputs(autoencoder, &model, nullptr, from, to,
                                        MorphSettings{.steps = 3, .fromDigit = 5, .toDigit = 3});
    EXPECT_TRUE(down.addition.empty());
    EXPECT_EQ(down.meanL2, -1.0);
    EXPECT_TRUE(morphInputs(autoencoder, nullptr, nullptr, from, to,
                            MorphSettings{.steps = 3, .fromDigit = 3, .toDigit = 5})
                    .addition.empty());
    EXPECT_THROW(morphInputs(autoencoder, nullptr, nullptr, from, to, MorphSettings{.steps = 1}),
                 std::invalid_argument);
    EXPECT_THROW(morphInputs(autoencoder, nullptr, nullptr, from, GreyImage{}, MorphSettings{}),
                 std::invalid_argument);
    // P of another model would read codes of a different E.
    models::AdditionModel other = makeMorphModel();
    EXPECT_THROW(morphInputs(autoencoder, &other, nullptr, from, to, MorphSettings{.fromDigit = 3, .toDigit = 5}),
                 std::invalid_argument);
}

}  // namespace
}  // namespace learn2add::infer
