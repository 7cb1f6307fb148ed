#include "train/Checkpoint.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/data/IdxFixtures.h"
#include "models/Autoencoder.h"
#include "models/WeightLayout.h"

namespace learn2add::train {
namespace {

using models::Autoencoder;
using models::AutoencoderOptions;
using models::DecoderKind;

CheckpointInfo infoFor(const std::string& decoder, std::int64_t code) {
    return {"autoencoder", decoder, code, 3, 0.02};
}

TEST(Checkpoint, RoundTripRestoresTheSameOutputs) {
    data::testing::TempFolder folder;
    torch::manual_seed(1);
    Autoencoder saved(AutoencoderOptions().decoder(DecoderKind::Upsample).codeSize(7));
    saveCheckpoint(folder.path() / "best.pt", *saved, infoFor("upsample", 7));

    torch::manual_seed(2);
    Autoencoder loaded(AutoencoderOptions().decoder(DecoderKind::Upsample).codeSize(7));
    const CheckpointInfo info = loadCheckpoint(folder.path() / "best.pt", *loaded, infoFor("upsample", 7));
    EXPECT_EQ(info.epoch, 3);
    EXPECT_DOUBLE_EQ(info.validationLoss, 0.02);
    const auto x = torch::rand({3, 1, 32, 32});
    saved->eval();
    loaded->eval();
    EXPECT_TRUE(torch::equal(saved->forward(x), loaded->forward(x)));
}

// A model that trains channels-last (models/WeightLayout.h) is stored in the default layout, keeps
// its own layout and memory, and the save draws no random numbers: the global generator feeds the
// training's noise, and a save must not change the rest of the run.
TEST(Checkpoint, AChannelsLastModelIsStoredInTheDefaultLayoutWithoutDrawingRandomNumbers) {
    data::testing::TempFolder folder;
    torch::manual_seed(1);
    Autoencoder model(AutoencoderOptions().decoder(DecoderKind::Upsample).codeSize(7));
    models::setWeightLayout(model->parameters(), at::MemoryFormat::ChannelsLast);
    const torch::Tensor conv1 = model->named_parameters()["encoder.conv1.weight"];
    const void* memory = conv1.data_ptr();
    torch::manual_seed(5);
    const torch::Tensor expected = torch::rand({8});
    torch::manual_seed(5);
    saveCheckpoint(folder.path() / "best.pt", *model, infoFor("upsample", 7));
    EXPECT_TRUE(torch::equal(torch::rand({8}), expected));
    EXPECT_EQ(conv1.data_ptr(), memory);
    EXPECT_FALSE(models::inDefaultLayout(model->parameters()));

    torch::serialize::InputArchive archive;
    archive.load_from((folder.path() / "best.pt").string());
    torch::serialize::InputArchive stored;
    ASSERT_TRUE(archive.try_read("model", stored));
    torch::serialize::InputArchive encoder, firstConvolution;
    ASSERT_TRUE(stored.try_read("encoder", encoder));
    ASSERT_TRUE(encoder.try_read("conv1", firstConvolution));
    torch::Tensor weight;
    firstConvolution.read("weight", weight);
    EXPECT_EQ(weight.strides().vec(), (std::vector<std::int64_t>{9, 9, 3, 1}));
    EXPECT_TRUE(torch::equal(weight, conv1));
}

TEST(Checkpoint, HalfPrecisionLoadsBackAsFloatWithinHalfRounding) {
    data::testing::TempFolder folder;
    torch::manual_seed(1);
    Autoencoder saved(AutoencoderOptions().decoder(DecoderKind::Upsample).codeSize(7));
    saveCheckpoint(folder.path() / "full.pt", *saved, infoFor("upsample", 7));
    saveCheckpoint(folder.path() / "half.pt", *saved, infoFor("upsample", 7), CheckpointPrecision::Half);
    EXPECT_LT(std::filesystem::file_size(folder.path() / "half.pt"),
              0.6 * std::filesystem::file_size(folder.path() / "full.pt"));
    Autoencoder loaded(AutoencoderOptions().decoder(DecoderKind::Upsample).codeSize(7));
    loadCheckpoint(folder.path() / "half.pt", *loaded, infoFor("upsample", 7));
    for (const auto& parameter : loaded->named_parameters()) {
        EXPECT_EQ(parameter.value().scalar_type(), torch::kFloat) << parameter.key();
        const torch::Tensor original = saved->named_parameters()[parameter.key()];
        EXPECT_TRUE(torch::allclose(parameter.value(), original, 1e-3, 1e-4)) << parameter.key();
        EXPECT_TRUE(torch::equal(parameter.value(), original.to(torch::kHalf).to(torch::kFloat)))
            << parameter.key();
    }
}

TEST(Checkpoint, OtherArchitectureOrCodeSizeIsRefusedWithAMessage) {
    data::testing::TempFolder folder;
    Autoencoder mirror(AutoencoderOptions().decoder(DecoderKind::Mirror).codeSize(2));
    saveCheckpoint(folder.path() / "m.pt", *mirror, infoFor("mirror", 2));

    Autoencoder upsample(AutoencoderOptions().decoder(DecoderKind::Upsample).codeSize(7));
    const auto before = upsample->parameters()[0].clone();
    try {
        loadCheckpoint(folder.path() / "m.pt", *upsample, infoFor("upsample", 7));
        FAIL() << "expected a CheckpointError";
    } catch (const CheckpointError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("holds the weights of autoencoder (mirror, code 2)"), std::string::npos) << message;
        EXPECT_NE(message.find("those of autoencoder (upsample, code 7) were expected"), std::string::npos) << message;
    }
    EXPECT_TRUE(torch::equal(before, upsample->parameters()[0]));  // untouched

    // Same names, other shapes (a lying header): still refused, model untouched.
    Autoencoder mirror7(AutoencoderOptions().decoder(DecoderKind::Mirror).codeSize(7));
    EXPECT_THROW(loadCheckpoint(folder.path() / "m.pt", *mirror7, infoFor("mirror", 2)), CheckpointError);
}

TEST(Checkpoint, CorruptOrForeignFilesAreRefused) {
    data::testing::TempFolder folder;
    data::testing::writeBytes(folder.path() / "junk.pt", {1, 2, 3, 4, 5});
    EXPECT_THROW(readCheckpointInfo(folder.path() / "junk.pt"), CheckpointError);
    EXPECT_THROW(readCheckpointInfo(folder.path() / "missing.pt"), CheckpointError);

    Autoencoder model(AutoencoderOptions().codeSize(7));
    saveCheckpoint(folder.path() / "ok.pt", *model, infoFor("upsample", 7));
    std::filesystem::resize_file(folder.path() / "ok.pt", std::filesystem::file_size(folder.path() / "ok.pt") / 2);
    EXPECT_THROW(loadCheckpoint(folder.path() / "ok.pt", *model, infoFor("upsample", 7)), CheckpointError);
}

TEST(Checkpoint, UnwritableTargetIsReportedAndLeavesNothingBehind) {
    Autoencoder model(AutoencoderOptions().codeSize(7));
    EXPECT_THROW(saveCheckpoint("/nonexistent-folder/best.pt", *model, infoFor("upsample", 7)), CheckpointError);
}

}  // namespace
}  // namespace learn2add::train
