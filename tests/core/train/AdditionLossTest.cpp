#include "train/AdditionLoss.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

namespace learn2add::train {
namespace {

struct Batch {
    torch::Tensor x, u, y;
};

Batch randomBatch() {
    torch::manual_seed(3);
    return {torch::rand({6, 1, 32, 32}), torch::tensor({0.f, 1.f, 2.f, 3.f, 1.5f, 9.f}).reshape({6, 1}),
            torch::rand({6, 1, 32, 32})};
}

models::AdditionModel smallModel() {
    torch::manual_seed(1);
    return models::AdditionModel(models::AdditionModelOptions().codeSize(7));
}

// The gradient that the code term alone puts on the encoder's output layer.
torch::Tensor encoderGradientOfCodeTerm(AdditionRecipe recipe) {
    models::AdditionModel model = smallModel();
    const Batch batch = randomBatch();
    const AdditionBatchLoss loss =
        additionBatchLoss(model, AdditionTrainingOptions().recipe(recipe), batch.x, batch.u, batch.y);
    model->zero_grad();
    loss.code.backward();
    for (const auto& parameter : model->named_parameters()) {
        if (parameter.key().find("autoencoder.encoder.") == 0 &&
            parameter.key().find("weight") != std::string::npos && parameter.value().grad().defined()) {
            return parameter.value().grad().abs().sum();
        }
    }
    return torch::zeros({});
}

TEST(AdditionLoss, TotalIsTheWeightedSumOfTheTerms) {
    models::AdditionModel model = smallModel();
    const Batch batch = randomBatch();
    const auto options = AdditionTrainingOptions().reconstructionWeight(0.25).codeWeight(2.0);
    const AdditionBatchLoss loss = additionBatchLoss(model, options, batch.x, batch.u, batch.y);
    const double expected = 0.25 * loss.reconstruction.item<double>() +
                            loss.generation.item<double>() + 2.0 * loss.code.item<double>();
    EXPECT_NEAR(loss.total.item<double>(), expected, 1e-6);
    EXPECT_NEAR(loss.generation.item<double>(),
                torch::mse_loss(model->add(batch.x, batch.u), batch.y).item<double>(), 1e-6);
    EXPECT_EQ(loss.inputCodes.sizes(), (std::vector<std::int64_t>{6, 7}));
}

// Mean of squared differences, by hand (no mse_loss): what each L2 term must equal.
double meanSquaredDifference(const torch::Tensor& a, const torch::Tensor& b) {
    const torch::Tensor fa = a.detach().contiguous().flatten();
    const torch::Tensor fb = b.detach().contiguous().flatten();
    double sum = 0.0;
    for (std::int64_t i = 0; i < fa.numel(); ++i) {
        const double d = fa[i].item<double>() - fb[i].item<double>();
        sum += d * d;
    }
    return sum / static_cast<double>(fa.numel());
}

TEST(AdditionLoss, EachTermMatchesItsHandComputedValue) {
    models::AdditionModel model = smallModel();
    torch::manual_seed(4);
    const torch::Tensor x = torch::rand({2, 1, 32, 32});
    const torch::Tensor y = torch::rand({2, 1, 32, 32});
    const torch::Tensor u = torch::tensor({1.0f, 2.5f}).reshape({2, 1});
    const AdditionBatchLoss loss = additionBatchLoss(model, AdditionTrainingOptions(), x, u, y);
    torch::NoGradGuard noGrad;
    const torch::Tensor codeX = model->autoencoder()->encode(x);
    const torch::Tensor codeY = model->autoencoder()->encode(y);
    const torch::Tensor resultCode = model->adder()->forward(codeX, u);
    EXPECT_NEAR(loss.reconstruction.item<double>(),
                meanSquaredDifference(model->autoencoder()->decode(codeX), x), 1e-6);
    EXPECT_NEAR(loss.generation.item<double>(),
                meanSquaredDifference(model->autoencoder()->decode(resultCode), y), 1e-6);
    EXPECT_NEAR(loss.code.item<double>(), meanSquaredDifference(resultCode, codeY), 1e-6);
    EXPECT_NEAR(loss.total.item<double>(),
                0.1 * loss.reconstruction.item<double>() + loss.generation.item<double>() +
                    loss.code.item<double>(),
                1e-6);  // no probe given: no digit term
}

TEST(AdditionLoss, GuidedCodeTermTrainsOnlyTheAdder) {
    EXPECT_EQ(encoderGradientOfCodeTerm(AdditionRecipe::Guided).item<double>(), 0.0);
}

TEST(AdditionLoss, AssignmentCodeTermAlsoTrainsTheEncoder) {
    EXPECT_GT(encoderGradientOfCodeTerm(AdditionRecipe::Assignment).item<double>(), 0.0);
}

TEST(AdditionLoss, BothRecipesHaveTheSameValue) {
    const Batch batch = randomBatch();
    models::AdditionModel guidedModel = smallModel();
    models::AdditionModel exactModel = smallModel();
    const auto guided = additionBatchLoss(guidedModel, AdditionTrainingOptions(), batch.x, batch.u, batch.y);
    const auto exact = additionBatchLoss(
        exactModel, AdditionTrainingOptions().recipe(AdditionRecipe::Assignment), batch.x, batch.u, batch.y);
    EXPECT_NEAR(guided.total.item<double>(), exact.total.item<double>(), 1e-6);
}

TEST(AdditionLoss, DigitProbeTermIsTheCrossEntropyOfTheInputCodes) {
    models::AdditionModel model = smallModel();
    const Batch batch = randomBatch();
    torch::manual_seed(5);
    GuidedSupervision digits{makeDigitProbe(7), torch::tensor({0, 1, 2, 3, 4, 9}, torch::kInt64), {}};
    const auto options = AdditionTrainingOptions().digitWeight(0.5);
    const AdditionBatchLoss loss = additionBatchLoss(model, options, batch.x, batch.u, batch.y, &digits);
    // By hand: -mean over the batch of log softmax(probe(E(x)))[digit].
    const torch::Tensor logits = digits.probe->forward(model->autoencoder()->encode(batch.x));
    const torch::Tensor logProbabilities = torch::log_softmax(logits, 1);
    double expected = 0.0;
    for (int i = 0; i < 6; ++i) {
        expected -= logProbabilities[i][digits.digits[i].item<std::int64_t>()].item<double>() / 6.0;
    }
    EXPECT_NEAR(loss.digit.item<double>(), expected, 1e-5);
    EXPECT_NEAR(loss.total.item<double>(),
                0.1 * loss.reconstruction.item<double>() + loss.generation.item<double>() +
                    loss.code.item<double>() + 0.5 * expected,
                1e-5);
    // The term trains the encoder (that is its purpose) and the probe.
    model->zero_grad();
    loss.digit.backward();
    EXPECT_GT(model->autoencoder()->encoder()->parameters().front().grad().abs().sum().item<double>(),
              0.0);
    EXPECT_TRUE(digits.probe->weight.grad().defined());
}

TEST(AdditionLoss, GenerativeCodeTermIsTheGaussianNegativeLogLikelihoodPerDimension) {
    torch::manual_seed(2);
    models::AdditionMlp adder(models::AdditionMlpOptions().codeSize(3).generative(true));
    const torch::Tensor from = torch::randn({4, 3});
    const torch::Tensor u = torch::tensor({0.f, 1.f, 2.f, 3.f}).reshape({4, 1});
    const torch::Tensor to = torch::randn({4, 3});
    const models::GaussianCode p = adder->forwardGaussian(from, u);
    double expected = 0.0;
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 3; ++j) {
            const double logVariance = p.logVariance[i][j].item<double>();
            const double d = to[i][j].item<double>() - p.mean[i][j].item<double>();
            expected += 0.5 * (logVariance + d * d / std::exp(logVariance));
        }
    }
    expected /= 4.0 * 3.0;
    EXPECT_NEAR(adderCodeLoss(adder, from, u, to).item<double>(), expected, 1e-5);
}

TEST(AdditionLoss, VariationalLossAddsTheWeightedKlOfTheInputCodes) {
    torch::manual_seed(1);
    models::AdditionModel model(
        models::AdditionModelOptions().codeSize(7).variant(models::AdditionVariant::Variational));
    const Batch batch = randomBatch();
    const auto options = AdditionTrainingOptions().variant(models::AdditionVariant::Variational).klWeight(0.5);
    model->train();
    const AdditionBatchLoss loss = additionBatchLoss(model, options, batch.x, batch.u, batch.y);
    EXPECT_GT(loss.kl.item<double>(), 0.0);
    EXPECT_NEAR(loss.total.item<double>(),
                0.1 * loss.reconstruction.item<double>() + loss.generation.item<double>() +
                    loss.code.item<double>() + 0.5 * loss.kl.item<double>(),
                1e-5);
    // The KL is the batch mean of the closed form on E(x)'s Gaussian.
    const models::GaussianCode q = model->autoencoder()->encodeGaussian(batch.x);
    EXPECT_NEAR(loss.kl.item<double>(), models::klToStandardNormal(q).mean().item<double>(), 1e-5);
    // The plain model has none.
    models::AdditionModel plain = smallModel();
    EXPECT_EQ(additionBatchLoss(plain, AdditionTrainingOptions(), batch.x, batch.u, batch.y).kl.item<double>(), 0.0);
}

TEST(AdditionLoss, GuidedCodeTermUsesTheGivenTargetCodes) {
    models::AdditionModel model = smallModel();
    const Batch batch = randomBatch();
    GuidedSupervision guided;
    guided.targetCodes = torch::randn({6, 7});
    const AdditionBatchLoss loss =
        additionBatchLoss(model, AdditionTrainingOptions(), batch.x, batch.u, batch.y, &guided);
    torch::NoGradGuard noGrad;
    const torch::Tensor resultCode =
        model->adder()->forward(model->autoencoder()->encode(batch.x), batch.u);
    EXPECT_NEAR(loss.code.item<double>(), meanSquaredDifference(resultCode, guided.targetCodes), 1e-6);
    EXPECT_EQ(loss.digit.item<double>(), 0.0);  // no probe given
}

TEST(AdditionLoss, GuidedCodeTermLeavesTheEncoderAloneInEveryVariant) {
    const Batch batch = randomBatch();
    for (models::AdditionVariant variant : models::kAllAdditionVariants) {
        torch::manual_seed(6);
        models::AdditionModel model(models::AdditionModelOptions().codeSize(7).variant(variant));
        model->train();
        GuidedSupervision guided;
        guided.targetCodes = torch::randn({6, 7});  // prototypes (ignored by a generative P's options)
        const auto options = AdditionTrainingOptions().variant(variant);
        const AdditionBatchLoss loss =
            additionBatchLoss(model, options, batch.x, batch.u, batch.y, &guided);
        model->zero_grad();
        loss.code.backward();
        double encoderGradient = 0.0, adderGradient = 0.0;
        for (const auto& parameter : model->named_parameters()) {
            if (!parameter.value().grad().defined()) continue;
            const double g = parameter.value().grad().abs().sum().item<double>();
            if (parameter.key().rfind("autoencoder.encoder.", 0) == 0) encoderGradient += g;
            if (parameter.key().rfind("adder.", 0) == 0) adderGradient += g;
        }
        EXPECT_EQ(encoderGradient, 0.0) << models::toString(variant);
        EXPECT_GT(adderGradient, 0.0) << models::toString(variant);
    }
}

TEST(AdditionLoss, AssignmentRecipeIgnoresTheDigitProbe) {
    models::AdditionModel model = smallModel();
    const Batch batch = randomBatch();
    GuidedSupervision digits{makeDigitProbe(7), torch::tensor({0, 1, 2, 3, 4, 9}, torch::kInt64), {}};
    const auto options = AdditionTrainingOptions().recipe(AdditionRecipe::Assignment).digitWeight(5.0);
    const AdditionBatchLoss loss = additionBatchLoss(model, options, batch.x, batch.u, batch.y, &digits);
    EXPECT_EQ(loss.digit.item<double>(), 0.0);
    EXPECT_NEAR(loss.total.item<double>(),
                0.1 * loss.reconstruction.item<double>() + loss.generation.item<double>() +
                    loss.code.item<double>(),
                1e-6);
}

}  // namespace
}  // namespace learn2add::train
