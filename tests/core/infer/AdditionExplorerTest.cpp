#include "infer/AdditionExplorer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/models/ModelTestSupport.h"
#include "infer/GreyImageTensors.h"
#include "infer/ModelComparison.h"

namespace learn2add::infer {
namespace {

class AdditionExplorerTest : public models::testing::SeededModelTest {
protected:
    // A 28 x 28 input of bytes, as a drawing or a test image is.
    static GreyImage digitLikeInput(int seed) {
        torch::manual_seed(static_cast<std::uint64_t>(seed));
        const torch::Tensor image = torch::rand({28, 28});
        return toGreyImage(image);
    }
    // What the inference model answers for the input and addend: model->add(), as bytes.
    static GreyImage added(models::AdditionModel& model, const GreyImage& input, double addend) {
        torch::NoGradGuard noGrad;
        const torch::Tensor x = inputTensor(input, static_cast<int>(model->imageSize()));
        return toGreyImage(model->add(x, torch::full({1, 1}, static_cast<float>(addend))));
    }
};

TEST_F(AdditionExplorerTest, TheOutputIsTheModelsSumAndTheInputIsEncodedOncePerInput) {
    models::AdditionModel model(models::AdditionModelOptions().codeSize(7));
    model->eval();
    models::DigitJudge judge;
    judge->eval();
    EncodedInput encoded;
    const GreyImage seven = digitLikeInput(1);
    for (double addend : {0.0, 1.4, 1.5, 1.6, 2.0}) {
        const JudgedOutput out = addToInput(model, &judge, encoded, seven, addend);
        EXPECT_EQ(out.image, added(model, seven, addend)) << "addend " << addend;
        ASSERT_EQ(out.probabilities.size(), 10u);
        EXPECT_GE(out.read, 0);
        EXPECT_LE(out.read, 9);
    }
    EXPECT_EQ(encoded.encodings(), 1);  // five slider moves, one encoding
    const GreyImage other = digitLikeInput(2);
    EXPECT_EQ(addToInput(model, nullptr, encoded, other, 1.0).image, added(model, other, 1.0));
    EXPECT_EQ(encoded.encodings(), 2);  // a new input is encoded again
    models::AdditionModel retrained(models::AdditionModelOptions().codeSize(7));
    retrained->eval();
    EXPECT_EQ(addToInput(retrained, nullptr, encoded, other, 1.0).image,
              added(retrained, other, 1.0));
    EXPECT_EQ(encoded.encodings(), 3);  // and so is the same input for another model
}

TEST_F(AdditionExplorerTest, VariationalModelsAnswerWithTheirMeans) {
    for (const auto variant : {models::AdditionVariant::Variational,
                               models::AdditionVariant::VariationalGenerativeAdder}) {
        models::AdditionModel model(models::AdditionModelOptions().variant(variant));
        model->eval();
        EncodedInput encoded;
        const GreyImage input = digitLikeInput(3);
        EXPECT_EQ(addToInput(model, nullptr, encoded, input, 2.5).image, added(model, input, 2.5));
    }
}

TEST_F(AdditionExplorerTest, TheStudysTilesAreTheOutputsAtTheirAddends) {
    models::AdditionModel model(models::AdditionModelOptions().codeSize(2));
    model->eval();
    models::DigitJudge judge;
    judge->eval();
    EncodedInput encoded;
    const GreyImage input = digitLikeInput(4);
    InputStudySettings settings;
    settings.stripAddends = {1, 2, 1.5};
    settings.sweepFrom = 0.0;
    settings.sweepTo = 1.0;
    settings.sweepStep = 0.25;
    settings.transitionPoints = 11;
    const InputStudy study = studyInput(model, &judge, encoded, input, settings);
    ASSERT_EQ(study.strip.size(), 3u);
    ASSERT_EQ(study.sweep.size(), 5u);
    ASSERT_EQ(study.transitionAddends.size(), 11u);
    EXPECT_DOUBLE_EQ(study.sweep[3].addend, 0.75);
    for (const JudgedTile& tile : study.strip) {
        EXPECT_EQ(tile.image, added(model, input, tile.addend));
        EXPECT_EQ(tile.read, addToInput(model, &judge, encoded, input, tile.addend).read);
    }
    for (const auto& curve : study.transition) ASSERT_EQ(curve.size(), 11u);
    double total = 0;
    for (const auto& curve : study.transition) total += curve[5];
    EXPECT_NEAR(total, 1.0, 1e-4);  // the probabilities of one point sum to 1
    EXPECT_EQ(encoded.encodings(), 1);
}

TEST_F(AdditionExplorerTest, TheComparisonsMeanRowIsTheExplorersOutput) {
    models::AdditionModel plain(models::AdditionModelOptions().codeSize(7));
    models::AdditionModel generative(
        models::AdditionModelOptions().variant(models::AdditionVariant::VariationalGenerativeAdder));
    plain->eval();
    generative->eval();
    models::DigitJudge judge;
    judge->eval();
    std::vector<EncodedInput> encoded(2);
    const std::vector<ComparedModel> compared = {{0, plain, nullptr, &encoded[0]},
                                                 {2, generative, nullptr, &encoded[1]}};
    const GreyImage input = digitLikeInput(5);
    for (double addend : {1.0, 1.5}) {
        const ComparisonAtAddend view = compareAtAddend(compared, &judge, input, {addend, 4, 1});
        ASSERT_EQ(view.rows.size(), 2u);
        EXPECT_EQ(view.rows[0].slot, 0);
        EXPECT_EQ(view.rows[0].mean, added(plain, input, addend));
        EXPECT_TRUE(view.rows[0].samples.empty());  // deterministic
        EXPECT_EQ(view.rows[1].mean, added(generative, input, addend));
        EXPECT_EQ(view.rows[1].samples.size(), 4u);
        EXPECT_EQ(view.rows[1].sampleReads.size(), 4u);
        // The same seed gives the same samples.
        EXPECT_EQ(compareAtAddend(compared, &judge, input, {addend, 4, 1}).rows[1].samples,
                  view.rows[1].samples);
    }
    EXPECT_EQ(encoded[0].encodings(), 1);
    EXPECT_EQ(encoded[1].encodings(), 1);
}

TEST_F(AdditionExplorerTest, AnEmptyOrMismatchedInputIsRefused) {
    models::AdditionModel model;
    model->eval();
    EncodedInput encoded;
    EXPECT_THROW(addToInput(model, nullptr, encoded, GreyImage{}, 1.0), std::invalid_argument);
    EXPECT_THROW(addToInput(model, nullptr, encoded, GreyImage{28, 28, {1, 2, 3}}, 1.0),
                 std::invalid_argument);
}

}  // namespace
}  // namespace learn2add::infer
