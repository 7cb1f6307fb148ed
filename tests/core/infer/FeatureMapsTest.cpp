#include "infer/FeatureMaps.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>
#include <stdexcept>

#include "infer/GreyImageTensors.h"

namespace learn2add::infer {
namespace {

TEST(FeatureMaps, AStagesChannelsComeStrongestFirstScaledByTheStagesMaximum) {
    // Three 2x2 channels with means 1, 3 and 0.5; the largest activation (4) is in channel 1.
    const torch::Tensor activations =
        torch::tensor({1.0f, 1.0f, 1.0f, 1.0f, 2.0f, 4.0f, 2.0f, 4.0f, 0.0f, 0.0f, 0.0f, 2.0f}).view({1, 3, 2, 2});
    const FeatureStage stage = featureStage("E conv1", activations);
    EXPECT_EQ(stage.name, "E conv1");
    EXPECT_EQ(stage.side, 2);
    EXPECT_FLOAT_EQ(stage.maximum, 4.0f);
    ASSERT_EQ(stage.channels.size(), 3u);
    EXPECT_EQ(stage.channels[0].channel, 1);
    EXPECT_EQ(stage.channels[1].channel, 0);
    EXPECT_EQ(stage.channels[2].channel, 2);
    EXPECT_FLOAT_EQ(stage.channels[0].mean, 3.0f);
    EXPECT_FLOAT_EQ(stage.channels[2].minimum, 0.0f);
    EXPECT_FLOAT_EQ(stage.channels[2].maximum, 2.0f);
    // 4 -> 255, 1 -> a quarter of it, on the stage's one scale.
    EXPECT_EQ(stage.channels[0].image.pixels[1], 255);
    EXPECT_NEAR(stage.channels[1].image.pixels[0], 64, 1);
}

TEST(FeatureMaps, AnAdditionModelShowsItsEncoderAndDecoderStagesAndTheSum) {
    torch::manual_seed(6);
    models::AdditionModel model(models::AdditionModelOptions().codeSize(7));
    model->train();
    const GreyImage input = toGreyImage(torch::rand({1, 28, 28}));
    const FeatureMaps maps = featureMaps(model, input, 1.5);
    EXPECT_TRUE(model->is_training()) << "the model's mode is restored";
    ASSERT_EQ(maps.encoder.size(), 3u);
    ASSERT_EQ(maps.decoder.size(), 3u);
    EXPECT_EQ(maps.encoder[0].channels.size(), 32u);
    EXPECT_EQ(maps.encoder[0].side, 32);
    EXPECT_EQ(maps.encoder[2].channels.size(), 128u);
    EXPECT_EQ(maps.encoder[2].side, 8);
    EXPECT_EQ(maps.decoder[0].channels.size(), 64u);
    EXPECT_EQ(maps.decoder[0].side, 8);
    EXPECT_EQ(maps.decoder[2].side, 32);
    EXPECT_EQ(maps.decoder[1].name, "D stage 2");
    for (const FeatureStage& stage : maps.encoder) {
        for (std::size_t c = 1; c < stage.channels.size(); ++c) {
            EXPECT_GE(stage.channels[c - 1].mean, stage.channels[c].mean) << stage.name;
        }
    }
    // The output is the model's sum for that addend.
    model->eval();
    torch::NoGradGuard noGrad;
    const GreyImage sum = toGreyImage(model->add(inputTensor(input, 32), torch::tensor({{1.5f}}))[0]);
    int worst = 0;
    for (std::size_t i = 0; i < sum.pixels.size(); ++i) {
        worst = std::max(worst, std::abs(int(sum.pixels[i]) - int(maps.output.pixels[i])));
    }
    EXPECT_LE(worst, 1);
    EXPECT_THROW(featureMaps(model, GreyImage{}, 1.0), std::invalid_argument);
}

}  // namespace
}  // namespace learn2add::infer
