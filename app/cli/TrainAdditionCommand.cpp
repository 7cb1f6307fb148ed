#include "cli/TrainAdditionCommand.h"

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/OptionChecks.h"
#include "cli/ReportErrors.h"
#include "cli/TrainingProgress.h"
#include "data/HeldOutCells.h"
#include "data/MnistData.h"
#include "train/AdditionTrainer.h"
#include "train/JudgeTrainer.h"

namespace learn2add::cli {
namespace {

std::shared_ptr<const data::MnistData> loadData(const std::optional<std::string>& folder,
                                                std::uint64_t splitSeed) {
    std::optional<std::filesystem::path> path;
    if (folder) path = *folder;
    return std::make_shared<const data::MnistData>(data::loadMnist(path, splitSeed));
}

void addCommonOptions(CLI::App* command, int& epochs, int& batch, double& lr, std::uint64_t& seed,
                      std::uint64_t& splitSeed, int& maxBatches, std::optional<std::string>& data,
                      std::string& precision, RunFolderOptions& folder) {
    command->add_option("--epochs", epochs, "Epochs")->capture_default_str();
    command->add_option("--batch", batch, "Batch size (1..1024: memory grows with it, about 5 MB per image for resize64)")->capture_default_str();
    command->add_option("--lr", lr, "Adam learning rate")->capture_default_str();
    command->add_option("--seed", seed, "Seed of the weights and the shuffling")
        ->check(kWholeNumber)
        ->capture_default_str();
    command->add_option("--split-seed", splitSeed, "Seed of the train/validation/test split")
        ->check(kWholeNumber)
        ->capture_default_str();
    command->add_option("--max-batches", maxBatches, "Batches per epoch (0: all)")->capture_default_str();
    command->add_option("--data", data, "MNIST-format folder (default: the embedded subset)")
        ->check(CLI::ExistingDirectory);
    addPrecisionOption(command, precision);
    addRunFolderOptions(command, folder);
}

// The options every train command shares, and where config.json keeps them.
std::vector<SettingOfRun> commonSettings() {
    return {{"--epochs", "/epochs"},           {"--batch", "/batch_size"},
            {"--lr", "/learning_rate"},        {"--seed", "/seed"},
            {"--split-seed", "/data/split_seed"}, {"--data", "/data/folder"},
            {"--max-batches", "/max_batches_per_epoch"},
            {"--precision", "/precision", toString(kPrecisionOfUnrecordedRuns)}};
}

}  // namespace

CLI::App* addTrainJudgeCommand(CLI::App& train, TrainJudgeCommandOptions& o) {
    CLI::App* command = train.add_subcommand(
        "judge", "Digit classifier that reads generated images (addition accuracy)");
    addCommonOptions(command, o.epochs, o.batchSize, o.learningRate, o.seed, o.splitSeed,
                     o.maxBatches, o.dataFolder, o.precision, o.folder);
    return command;
}

CLI::App* addTrainAdditionCommand(CLI::App& train, TrainAdditionCommandOptions& o,
                                  models::AdditionVariant variant) {
    o.variant = variant;
    const char* description =
        variant == models::AdditionVariant::Autoencoder
            ? "Addition model E -> P -> D (assignment Part III)"
            : (variant == models::AdditionVariant::Variational
                   ? "Addition model with a variational encoder (assignment Part IV.1-2)"
                   : "Variational addition model with a generative P (assignment Part IV.3)");
    CLI::App* command = train.add_subcommand(models::toString(variant), description);
    command->add_option("--decoder", o.decoder, "mirror, upsample or resize64")
        ->check(CLI::IsMember({"mirror", "upsample", "resize64"}))
        ->capture_default_str();
    command->add_option("--code", o.codeSize, "Code size")->capture_default_str();
    command
        ->add_option("--recipe", o.recipe,
                     "guided (no digit labels: the target code held constant, warm-ups, cosine "
                     "rate) or assignment (the exact loss, constant rate)")
        ->check(CLI::IsMember({"guided", "assignment"}))
        ->capture_default_str();
    command->add_option("--reconstruction-weight", o.reconstructionWeight,
                        "Weight of L2(D(E(x)), x)")->capture_default_str();
    command->add_option("--code-weight", o.codeWeight, "Weight of L2(P(E(x), u), E(y))")
        ->capture_default_str();
    command->add_option("--lr-schedule", o.lrSchedule,
                        "Adam's rate over the run: constant, or cosine down to 0 by the last batch "
                        "[default: cosine for guided, constant for assignment]")
        ->check(CLI::IsMember({"constant", "cosine"}));
    const train::AdditionTrainingOptions guided =
        train::recipeDefaults(variant, train::AdditionRecipe::Guided);
    command->add_option("--digit-weight", o.digitWeight,
                        "Guided, uses the digit labels: weight of a digit probe "
                        "CE(probe(E(x)), digit of x) (0: off) [default: " +
                            CLI::detail::to_string(guided.digitWeight()) + "]");
    command->add_option("--code-target", o.codeTarget,
                        "Guided: the code term's target, E(y) (sample) or the mean code of the "
                        "sum's digit (prototype: uses the digit labels) [default: " +
                            std::string(train::toString(guided.codeTarget())) + "]")
        ->check(CLI::IsMember({"prototype", "sample"}));
    command->add_option("--patience", o.patience,
                        "Early stopping after N epochs without a better metric (0: off)")
        ->capture_default_str();
    command->add_option("--ae-warmup", o.autoencoderWarmup,
                        "Guided: epochs of reconstruction before the first epoch (0: none)")
        ->capture_default_str();
    command->add_option("--adder-warmup", o.adderWarmup,
                        "Guided: passes of P alone over the pairs' codes (0: none)")
        ->capture_default_str();
    if (variant == models::AdditionVariant::Autoencoder) {
        command->add_option("--init", o.init, "Autoencoder run whose best.pt starts E and D")
            ->check(CLI::ExistingDirectory);
    } else {
        const double guided = train::recipeDefaults(variant, train::AdditionRecipe::Guided).klWeight();
        const double exact = train::recipeDefaults(variant, train::AdditionRecipe::Assignment).klWeight();
        std::ostringstream defaults;
        defaults << "[default: " << guided;
        if (guided != exact) defaults << " for guided, " << exact << " for assignment";
        command->add_option("--kl-weight", o.klWeight,
                            "beta: weight of KL(q(z|x) || N(0, I)), summed over the code, batch mean " +
                                defaults.str() + "]");
    }
    command->add_option("--judge", o.judge,
                        "Judge run: addition accuracy and a marked grid every epoch")
        ->check(CLI::ExistingDirectory);
    command->add_option("--hold-out", o.holdOut,
                        "Cells (digit+addend) left out of the training pairs, e.g. 3+4,5+2; "
                        "validation and test keep them (eval measures them apart)");
    command->add_option("--hold-out-addends", o.holdOutAddends,
                        "Addends left out of the training pairs with every digit, e.g. 3..4 or 5");
    addCommonOptions(command, o.epochs, o.batchSize, o.learningRate, o.seed, o.splitSeed,
                     o.maxBatches, o.dataFolder, o.precision, o.folder);
    return command;
}

int runTrainJudge(CLI::App& command, const TrainJudgeCommandOptions& o, int threads) {
    return reportErrors([&] {
        applyRunFolderOptions(command, o.folder, commonSettings());
        const auto options = train::JudgeTrainingOptions()
                                 .epochs(o.epochs)
                                 .batchSize(o.batchSize)
                                 .learningRate(o.learningRate)
                                 .seed(o.seed)
                                 .threads(threads)
                                 .precision(precisionFromString(o.precision))
                                 .maxBatchesPerEpoch(o.maxBatches);
        options.validate();
        const auto data = loadData(o.dataFolder, o.splitSeed);
        std::cout << "Training the judge: " << o.epochs << " epochs, batch " << o.batchSize
                  << ", lr " << o.learningRate << ", seed " << o.seed << ", " << threads
                  << " threads, " << toString(options.precision()) << "\nData: " << data->source << " (" << data->train.size()
                  << " train, " << data->validation.size() << " validation, "
                  << data->test.size() << " test)\nRun folder: " << o.folder.folder().string()
                  << (o.folder.resume.empty() ? "" : " (resumed)") << std::endl;
        train::TrainingControl control;
        InterruptScope interrupt(control);
        train::JudgeTrainingCallbacks callbacks;
        if (isTerminal()) callbacks.onBatch = drawProgress;
        callbacks.onEpoch = [](const train::JudgeEpochReport& r) {
            clearProgressLine();
            std::printf("epoch %3d/%d  train loss %.4f  train acc %.4f  val acc %.4f  %5.1fs  "
                        "%6.0f img/s%s\n",
                        r.epoch, r.epochs, r.trainLoss, r.trainAccuracy, r.validationAccuracy,
                        r.seconds, r.imagesPerSecond, r.improved ? "  * best" : "");
            std::fflush(stdout);
        };
        train::JudgeTrainer trainer(options, data, o.folder.folder(), o.folder.use());
        const train::JudgeTrainingResult result = trainer.run(callbacks, control);
        clearProgressLine();
        std::cout << "\nRun " << train::toString(result.status);
        if (!result.message.empty()) std::cout << ": " << result.message;
        std::cout << std::fixed << std::setprecision(4) << "\nBest epoch:          " << result.bestEpoch
                  << "\nValidation accuracy: " << result.validationAccuracy
                  << "\nTest accuracy:       " << result.testAccuracy << std::setprecision(1)
                  << "\nSeconds per epoch:   " << result.secondsPerEpoch << std::setprecision(0)
                  << "\nImages per second:   " << result.imagesPerSecond << "\n";
        return interrupt.exitCode(result.status);
    });
}

int runTrainAddition(CLI::App& command, const TrainAdditionCommandOptions& o, int threads) {
    return reportErrors([&] {
        std::vector<SettingOfRun> settings = commonSettings();
        settings.insert(settings.end(),
                        {{"--decoder", "/decoder"}, {"--code", "/code_size"}, {"--recipe", "/recipe"},
                         {"--reconstruction-weight", "/reconstruction_weight"},
                         {"--code-weight", "/code_weight"}, {"--digit-weight", "/digit_weight"},
                         {"--lr-schedule", "/lr_schedule", train::toString(train::kScheduleOfUnrecordedRuns)},
                         {"--code-target", "/code_target"}, {"--patience", "/early_stopping_patience"},
                         {"--ae-warmup", "/autoencoder_warmup_epochs"},
                         {"--adder-warmup", "/adder_warmup_passes"}, {"--judge", "/judge_run"},
                         {"--hold-out", "/held_out", ""}});
        if (o.variant == models::AdditionVariant::Autoencoder) {
            settings.push_back({"--init", "/init_run"});
        } else {
            settings.push_back({"--kl-weight", "/kl_weight"});
        }
        applyRunFolderOptions(command, o.folder, settings);
        const train::AdditionTrainingOptions defaults =
            train::recipeDefaults(o.variant, train::additionRecipeFromString(o.recipe));
        auto options = train::AdditionTrainingOptions(defaults)
                           .klWeight(o.klWeight.value_or(defaults.klWeight()))
                           .decoder(models::decoderKindFromString(o.decoder))
                           .codeSize(o.codeSize)
                           .reconstructionWeight(o.reconstructionWeight)
                           .codeWeight(o.codeWeight)
                           .digitWeight(o.digitWeight.value_or(defaults.digitWeight()))
                           .codeTarget(o.codeTarget ? train::codeTargetFromString(*o.codeTarget)
                                                    : defaults.codeTarget())
                           .epochs(o.epochs)
                           .batchSize(o.batchSize)
                           .learningRate(o.learningRate)
                           .seed(o.seed)
                           .threads(threads)
                           .precision(precisionFromString(o.precision))
                           .maxBatchesPerEpoch(o.maxBatches)
                           .earlyStoppingPatience(o.patience)
                           .autoencoderWarmupEpochs(o.autoencoderWarmup)
                           .adderWarmupPasses(o.adderWarmup);
        if (o.lrSchedule) options.learningRateSchedule(train::learningRateScheduleFromString(*o.lrSchedule));
        if (o.init) options.initRun(*o.init);
        if (o.judge) options.judgeRun(*o.judge);
        data::HeldOutCells heldOut = data::parseHeldOutCells(o.holdOut);
        heldOut.add(data::heldOutAddends(o.holdOutAddends));
        options.heldOut(heldOut);
        options.validate();
        const auto data = loadData(o.dataFolder, o.splitSeed);
        std::cout << "Training " << models::displayName(o.variant) << " ("
                  << models::toString(o.variant) << "): decoder " << o.decoder << ", code " << o.codeSize
                  << ", recipe " << o.recipe << " (weights " << o.reconstructionWeight << ", 1, "
                  << o.codeWeight << ", digit probe " << options.effectiveDigitWeight()
                  << ", code target " << (options.usesPrototypes() ? "prototype" : "sample")
                  << (options.usesDigitLabels() ? ", uses the digit labels" : ", no digit labels");
        if (models::hasVariationalEncoder(o.variant)) std::cout << ", KL " << options.klWeight();
        if (!heldOut.empty()) {
            std::cout << ", held out of training: " << heldOut.count() << " cells ("
                      << heldOut.toString() << ")";
        }
        std::cout << "), " << o.epochs << " epochs, batch " << o.batchSize
                  << ", lr " << o.learningRate << " " << train::toString(options.learningRateSchedule()) << ", seed " << o.seed << ", " << threads
                  << " threads, " << toString(options.precision()) << "\nStart: " << (o.init ? "autoencoder run " + *o.init : "from scratch")
                  << "\nData: " << data->source << "\nRun folder: " << o.folder.folder().string()
                  << (o.folder.resume.empty() ? "" : " (resumed)") << std::endl;
        train::TrainingControl control;
        InterruptScope interrupt(control);
        train::AdditionTrainingCallbacks callbacks;
        if (isTerminal()) {
            callbacks.onBatch = [](const train::AdditionBatchReport& r) { drawProgress(r.batch); };
        }
        callbacks.onWarmup = [](const train::WarmupReport& warmup) {
            clearProgressLine();
            std::cout << warmup.line << std::endl;
        };
        callbacks.onEpoch = [](const train::AdditionEpochReport& r) {
            clearProgressLine();
            std::printf("epoch %3d/%d  train %.5f (rec %.5f gen %.5f code %.2e digit %.3f kl %.2f)"
                        "  val gen %.5f  spread %.3g",
                        r.epoch, r.epochs, r.train.total, r.train.reconstruction,
                        r.train.generation, r.train.code, r.train.digit, r.train.kl,
                        r.validation.generation, r.codeSpread);
            if (r.validationAccuracy >= 0) {
                std::printf("  accuracy %.1f%%  grid %d/55", 100.0 * r.validationAccuracy,
                            r.grid.correctCells());
            }
            std::printf("  %5.1fs (%s)  %4.0f pairs/s%s\n", r.seconds,
                        duration(r.elapsedSeconds).c_str(), r.pairsPerSecond,
                        r.improved ? "  * best" : "");
            std::fflush(stdout);
        };
        train::AdditionTrainer trainer(options, data, o.folder.folder(), o.folder.use());
        const train::AdditionTrainingResult result = trainer.run(callbacks, control);
        clearProgressLine();
        std::cout << "\nRun " << train::toString(result.status);
        if (!result.message.empty()) std::cout << ": " << result.message;
        std::cout << std::fixed << std::setprecision(5) << "\nBest epoch:                    "
                  << result.bestEpoch << "\nBest validation L2 (generated): ";
        if (result.bestEpoch > 0) {
            std::cout << result.bestValidationGeneration;
        } else {
            std::cout << "none (no epoch finished)";
        }
        if (result.bestValidationAccuracy >= 0) {
            std::cout << std::setprecision(1) << "\nValidation addition accuracy:   "
                      << 100.0 * result.bestValidationAccuracy << "%";
        }
        std::cout << std::setprecision(1) << "\nSeconds per epoch:              "
                  << result.secondsPerEpoch << std::setprecision(0)
                  << "\nPairs per second:               " << result.pairsPerSecond << "\n";
        return interrupt.exitCode(result.status);
    });
}

}  // namespace learn2add::cli
