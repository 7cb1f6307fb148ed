#include "train/AdditionLoss.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

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

}  // namespace
}  // namespace learn2add::train
