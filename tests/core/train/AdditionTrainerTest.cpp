#include "train/AdditionTrainer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <set>

#include "core/data/IdxFixtures.h"
#include "core/train/AdditionFixtures.h"
#include "core/train/SmallData.h"
#include "infer/AdditionRun.h"
#include "track/EventFileReader.h"
#include "track/RunFolder.h"
#include "train/AutoencoderTrainer.h"
#include "train/Checkpoint.h"

namespace learn2add::train {
namespace {

using testing::smallData;

AdditionTrainingOptions quickAdditionOptions() {
    return AdditionTrainingOptions().epochs(2).batchSize(32).maxBatchesPerEpoch(4).threads(2).seed(5);
}

TEST(AdditionTrainer, TheConfigRecordsTheRecipeAndReadsBackIntoTheSameOptions) {
    const auto options = AdditionTrainingOptions()
                             .digitWeight(0.0)
                             .codeTarget(CodeTarget::Sample)
                             .learningRateSchedule(LearningRateSchedule::Cosine)
                             .heldOut(data::parseHeldOutCells("3+4,5+2"));
    const nlohmann::json config = additionRunConfig(options, *smallData());
    EXPECT_EQ(config.at("lr_schedule"), "cosine");
    EXPECT_EQ(config.at("held_out"), "3+4,5+2");
    EXPECT_EQ(config.at("digit_weight"), 0.0);
    EXPECT_EQ(config.at("code_target"), "sample");
    const AdditionTrainingOptions back = additionOptionsFromConfig(config);
    EXPECT_EQ(back.learningRateSchedule(), LearningRateSchedule::Cosine);
    EXPECT_EQ(back.digitWeight(), 0.0);
    EXPECT_EQ(back.codeTarget(), CodeTarget::Sample);
    EXPECT_EQ(back.heldOut().toString(), "3+4,5+2");

    // Constant, the schedule is not written: such a run's config is the one of a run from before
    // the setting, and those read back as constant.
    const auto plain = AdditionTrainingOptions().learningRateSchedule(LearningRateSchedule::Constant);
    const nlohmann::json older = additionRunConfig(plain, *smallData());
    EXPECT_FALSE(older.contains("lr_schedule"));
    EXPECT_FALSE(older.contains("held_out"));
    EXPECT_TRUE(additionOptionsFromConfig(older).heldOut().empty());
    // A hold-out that leaves a result digit without training pairs is refused up front.
    EXPECT_THROW(AdditionTrainingOptions().heldOut(data::parseHeldOutCells("0+0")).validate(),
                 std::invalid_argument);
    EXPECT_EQ(additionOptionsFromConfig(older).learningRateSchedule(), LearningRateSchedule::Constant);
}

TEST(AdditionTrainer, TheDefaultRecipeTrainsFromTheTuplesAloneAndTheLabelAidsAreOptions) {
    using models::AdditionVariant;
    for (const AdditionVariant variant : models::kAllAdditionVariants) {
        const auto guided = recipeDefaults(variant, AdditionRecipe::Guided);
        EXPECT_FALSE(guided.usesDigitLabels()) << models::toString(variant);
        EXPECT_EQ(guided.learningRateSchedule(), LearningRateSchedule::Cosine);
        EXPECT_EQ(guided.klWeight(), models::hasGenerativeAdder(variant) ? 3e-4 : 1e-3);
        EXPECT_TRUE(withDigitLabelAids(guided).usesDigitLabels());
        // The exact recipe: Adam at a constant rate, the textbook KL balance, no aid in force.
        const auto exact = recipeDefaults(variant, AdditionRecipe::Assignment);
        EXPECT_EQ(exact.learningRateSchedule(), LearningRateSchedule::Constant);
        EXPECT_EQ(exact.klWeight(), 1e-3);
        EXPECT_FALSE(withDigitLabelAids(exact).usesDigitLabels());
    }
    // Trained with the defaults, no batch has a digit term and the run says what it read.
    data::testing::TempFolder folder;
    std::vector<AdditionEpochReport> epochs;
    TrainingControl control;
    AdditionTrainer(AdditionTrainingOptions(quickAdditionOptions()).adderWarmupPasses(2), smallData(),
                    folder.path() / "run")
        .run({.onEpoch = [&](const AdditionEpochReport& r) { epochs.push_back(r); }}, control);
    ASSERT_EQ(epochs.size(), 2u);
    for (const AdditionEpochReport& epoch : epochs) EXPECT_EQ(epoch.train.digit, 0.0);
    const nlohmann::json config = track::RunFolder::open(folder.path() / "run").readConfig();
    EXPECT_EQ(config.at("digit_weight"), 0.0);
    EXPECT_EQ(config.at("code_target"), "sample");
    EXPECT_EQ(config.at("lr_schedule"), "cosine");
}

TEST(AdditionTrainer, SameSeedGivesBitIdenticalWeights) {
    TrainingControl control;
    AdditionTrainer first(quickAdditionOptions(), smallData());
    AdditionTrainer second(quickAdditionOptions(), smallData());
    first.run({}, control);
    second.run({}, control);
    const auto a = first.model()->named_parameters();
    const auto b = second.model()->named_parameters();
    ASSERT_EQ(a.size(), b.size());
    for (const auto& parameter : a) {
        EXPECT_TRUE(torch::equal(parameter.value(), b[parameter.key()])) << parameter.key();
    }
}

TEST(AdditionTrainer, ReportsEveryLossTermAndWritesARunFolder) {
    data::testing::TempFolder folder;
    const auto runPath = folder.path() / "addition";
    std::vector<AdditionEpochReport> epochs;
    std::vector<AdditionBatchReport> batches;
    TrainingControl control;
    // With the digit-label aids on, so that every term of the loss is there to report.
    AdditionTrainer trainer(withDigitLabelAids(quickAdditionOptions()).judgeRun(testing::tinyRuns().judge),
                            smallData(), runPath);
    const AdditionTrainingResult result =
        trainer.run({.onBatch = [&](const AdditionBatchReport& r) { batches.push_back(r); },
                     .onEpoch = [&](const AdditionEpochReport& r) { epochs.push_back(r); }},
                    control);
    ASSERT_EQ(result.status, TrainingResult::Status::Finished);
    ASSERT_EQ(epochs.size(), 2u);
    ASSERT_EQ(batches.size(), 8u);
    for (const auto& b : batches) {
        // The total is the weighted sum of the terms (0.1, 1, 1, and the digit probe's 1).
        EXPECT_NEAR(b.terms.total,
                    0.1 * b.terms.reconstruction + b.terms.generation + b.terms.code + b.terms.digit,
                    1e-5);
        EXPECT_GT(b.terms.digit, 0.0);  // the aids train the digit probe
        EXPECT_GT(b.codeSpread, 0.0);
    }
    const AdditionEpochReport& last = epochs.back();
    EXPECT_GT(last.validation.generation, 0.0);
    EXPECT_GE(last.validationAccuracy, 0.0);
    EXPECT_LE(last.validationAccuracy, 1.0);
    for (int d = 0; d < 10; ++d) {
        for (int a = 0; a < 10; ++a) {
            if (d + a <= 9) {
                EXPECT_GE(last.grid.read[d][a], 0);
                EXPECT_LE(last.grid.read[d][a], 9);
            } else {
                EXPECT_EQ(last.grid.read[d][a], -1);
            }
        }
    }

    track::RunFolder run = track::RunFolder::open(runPath);
    const auto config = run.readConfig();
    EXPECT_EQ(config["kind"], "addition");
    EXPECT_EQ(config["recipe"], "guided");
    const auto metrics = run.readMetrics();
    ASSERT_EQ(metrics.size(), 2u);
    for (const char* column : {"train_reconstruction", "train_generation", "train_code",
                               "validation_generation", "validation_code", "code_spread",
                               "validation_accuracy", "grid_correct"}) {
        EXPECT_TRUE(metrics[1].count(column)) << column;
    }
    EXPECT_NEAR(metrics[1].at("validation_generation"), last.validation.generation, 1e-9);

    const auto events = track::readEventFile(track::findEventFiles(runPath).at(0));
    std::set<std::string> tags;
    for (const auto& e : events) {
        for (const auto& scalar : e.scalars) tags.insert(scalar.tag);
        for (const auto& image : e.images) tags.insert(image.tag);
    }
    for (const char* tag : {"loss/train/code", "loss/validation/generation", "codes/spread",
                            "accuracy/validation", "digit_by_addend_grid"}) {
        EXPECT_TRUE(tags.count(tag)) << tag;
    }
    // best.pt opens as an addition run and reproduces the trainer's model at its best epoch.
    infer::AdditionRun opened = infer::openAdditionRun(runPath);
    EXPECT_EQ(opened.checkpoint.epoch, result.bestEpoch);
}

TEST(AdditionTrainer, StopMidEpochEndsAtTheNextBatchAndKeepsAValidRunNotOfferedAsTrained) {
    // "Quickly" is measured in batches, not seconds: no batch runs after the cancel. One warm-up
    // epoch and pass keep the test short (the warm-ups are not what it is about).
    data::testing::TempFolder folder;
    TrainingControl control;
    int batchesAfterCancel = 0;
    AdditionTrainer trainer(
        quickAdditionOptions().maxBatchesPerEpoch(0).autoencoderWarmupEpochs(1).adderWarmupPasses(
            1),
        smallData(), folder.path() / "run");
    const auto result = trainer.run({.onBatch =
                                         [&](const AdditionBatchReport& r) {
                                             if (control.cancelRequested()) ++batchesAfterCancel;
                                             if (r.batch.batch == 3) control.requestCancel();
                                         }},
                                    control);
    EXPECT_EQ(result.status, TrainingResult::Status::Cancelled);
    EXPECT_EQ(batchesAfterCancel, 0);
    // Stopped in epoch 1: the run folder is valid, but it holds no trained model to open.
    try {
        infer::openAdditionRun(folder.path() / "run");
        FAIL() << "a run stopped before its first epoch ended opened as a trained model";
    } catch (const infer::RunOpenError& error) {
        EXPECT_NE(std::string(error.what()).find("before its first epoch"), std::string::npos)
            << error.what();
    }
}

TEST(AdditionTrainer, BadInitOrJudgeRunIsRefusedBeforeAnythingIsWritten) {
    data::testing::TempFolder folder;
    // An autoencoder run of code 2 cannot start a code-7 addition model.
    TrainingControl control;
    AutoencoderTrainer(AutoencoderTrainingOptions().codeSize(2).epochs(1).maxBatchesPerEpoch(1).batchSize(16),
                       smallData(), folder.path() / "ae2")
        .run({}, control);
    AdditionTrainer wrongCode(quickAdditionOptions().initRun(folder.path() / "ae2"), smallData(),
                              folder.path() / "a");
    try {
        wrongCode.run({}, control);
        FAIL() << "expected a CheckpointError";
    } catch (const CheckpointError& e) {
        EXPECT_NE(std::string(e.what()).find("code 2"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "a"));
    AdditionTrainer noJudge(quickAdditionOptions().judgeRun(folder.path() / "missing"), smallData(),
                            folder.path() / "b");
    EXPECT_THROW(noJudge.run({}, control), CheckpointError);
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "b"));
}

TEST(AdditionTrainer, WarmStartUsesTheAutoencoderWeights) {
    data::testing::TempFolder folder;
    TrainingControl control;
    AutoencoderTrainer ae(AutoencoderTrainingOptions().epochs(1).maxBatchesPerEpoch(2).batchSize(16),
                          smallData(), folder.path() / "ae");
    ae.run({}, control);
    AdditionTrainer warm(quickAdditionOptions()
                             .initRun(folder.path() / "ae")
                             .learningRate(1e-9)
                             .epochs(1)
                             .maxBatchesPerEpoch(1),
                         smallData());
    warm.run({}, control);
    // With a vanishing learning rate the encoder is still (almost exactly) the autoencoder's.
    models::Autoencoder reference{models::AutoencoderOptions{}};
    loadCheckpoint(folder.path() / "ae" / "best.pt", *reference, {"autoencoder", "upsample", 7});
    EXPECT_TRUE(torch::allclose(warm.model()->autoencoder()->encoder()->named_parameters()["to_code.weight"],
                                reference->encoder()->named_parameters()["to_code.weight"], 1e-5, 1e-6));
}

TEST(AdditionTrainer, LowersTheGenerationLoss) {
    // The same start twice: once with a learning rate too small to move anything (the untrained
    // model's metric), once as the recipe trains it, warm-up included.
    const auto options = AdditionTrainingOptions().epochs(2).batchSize(64).maxBatchesPerEpoch(20).threads(2);
    TrainingControl control;
    const auto untrained =
        AdditionTrainer(AdditionTrainingOptions(options).learningRate(1e-12).autoencoderWarmupEpochs(0)
                            .adderWarmupPasses(0),
                        smallData())
            .run({}, control);
    const auto trained = AdditionTrainer(options, smallData()).run({}, control);
    EXPECT_LT(trained.bestValidationGeneration, 0.8 * untrained.bestValidationGeneration);
}

TEST(AdditionTrainer, AShortTrainingRaisesTheAdditionAccuracy) {
    // The judge reads the validation outputs of the untrained model (a learning rate too small to
    // move anything, no warm-up) and of a short training of the default recipe.
    // 600 train digits: 10 batches per warm-up epoch, so 10 epochs of reconstruction. The reader is
    // the shipped judge (fixed weights, 98.8% on the test split): a judge trained here would follow
    // a CPU-dependent path and add its own errors to the measured gain.
    const auto options = AdditionTrainingOptions()
                             .epochs(1)
                             .batchSize(64)
                             .maxBatchesPerEpoch(30)
                             .autoencoderWarmupEpochs(10)
                             .threads(2)
                             .judgeRun(std::filesystem::path(LEARN2ADD_SOURCE_DIR) / "resources" /
                                       "pretrained" / "judge");
    TrainingControl control;
    const auto untrained =
        AdditionTrainer(AdditionTrainingOptions(options).learningRate(1e-12).autoencoderWarmupEpochs(0)
                            .adderWarmupPasses(0),
                        smallData())
            .run({}, control);
    const auto trained = AdditionTrainer(options, smallData()).run({}, control);
    ASSERT_GE(untrained.bestValidationAccuracy, 0.0);
    EXPECT_GT(trained.bestValidationAccuracy, untrained.bestValidationAccuracy + 0.15)
        << "untrained " << untrained.bestValidationAccuracy << ", trained "
        << trained.bestValidationAccuracy;
}

TEST(AdditionTrainer, EveryVariationalModelLowersItsLossAndOpensAsItsKind) {
    data::testing::TempFolder folder;
    for (models::AdditionVariant variant :
         {models::AdditionVariant::Variational, models::AdditionVariant::VariationalGenerativeAdder}) {
        const auto options = AdditionTrainingOptions().variant(variant).epochs(2).batchSize(64)
                                 .maxBatchesPerEpoch(12).autoencoderWarmupEpochs(1)
                                 .adderWarmupPasses(5).threads(2);
        TrainingControl control;
        const auto untrained = AdditionTrainer(AdditionTrainingOptions(options).learningRate(1e-12)
                                                   .autoencoderWarmupEpochs(0).adderWarmupPasses(0),
                                               smallData())
                                   .run({}, control);
        std::vector<AdditionEpochReport> epochs;
        const auto runPath = folder.path() / models::toString(variant);
        const auto trained =
            AdditionTrainer(options, smallData(), runPath)
                .run({.onEpoch = [&](const AdditionEpochReport& r) { epochs.push_back(r); }}, control);
        EXPECT_LT(trained.bestValidationGeneration, 0.8 * untrained.bestValidationGeneration)
            << models::toString(variant);
        ASSERT_EQ(epochs.size(), 2u);
        EXPECT_GT(epochs.back().train.kl, 0.0) << models::toString(variant);
        EXPECT_GT(epochs.back().validation.kl, 0.0) << models::toString(variant);
        const auto metrics = track::RunFolder::open(runPath).readMetrics();
        EXPECT_TRUE(metrics.at(1).count("validation_kl"));
        const infer::AdditionRun opened = infer::openAdditionRun(runPath);
        EXPECT_EQ(opened.variant, variant);
        EXPECT_EQ(opened.config["kind"], models::toString(variant));
    }
}

TEST(AdditionTrainer, VariationalModelsCannotStartFromAnAutoencoderRun) {
    const auto options = AdditionTrainingOptions()
                             .variant(models::AdditionVariant::Variational)
                             .initRun("/some/autoencoder/run");
    try {
        options.validate();
        FAIL() << "expected invalid_argument";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("starts from scratch"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace learn2add::train
