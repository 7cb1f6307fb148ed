#include "cli/TrainCommand.h"

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/OptionChecks.h"
#include "cli/TrainingProgress.h"
#include "data/DataError.h"
#include "data/MnistData.h"
#include "track/TrackError.h"
#include "train/AutoencoderTrainer.h"
#include "train/Checkpoint.h"

namespace learn2add::cli {

CLI::App* addTrainCommand(CLI::App& app, TrainCommandOptions& options) {
    CLI::App* train = app.add_subcommand("train", "Train a model into a run folder");
    train->require_subcommand(1);
    CLI::App* ae = train->add_subcommand("autoencoder", "Reconstruction autoencoder (assignment Part II)");
    ae->add_option("--decoder", options.decoder, "mirror, upsample or resize64")
        ->check(CLI::IsMember({"mirror", "upsample", "resize64"}))
        ->capture_default_str();
    ae->add_option("--loss", options.loss, "l2 or bce")->check(CLI::IsMember({"l2", "bce"}))->capture_default_str();
    ae->add_option("--code", options.codeSize, "Code size (2 and 7 in the assignment)")->capture_default_str();
    ae->add_option("--epochs", options.epochs, "Epochs")->capture_default_str();
    ae->add_option("--batch", options.batchSize, "Batch size (1..1024: memory grows with it, about 5 MB per image for resize64)")->capture_default_str();
    ae->add_option("--lr", options.learningRate, "Adam learning rate")->capture_default_str();
    ae->add_option("--seed", options.seed, "Seed of the weights and the shuffling")
        ->check(kWholeNumber)
        ->capture_default_str();
    ae->add_option("--split-seed", options.splitSeed, "Seed of the train/validation/test split")
        ->check(kWholeNumber)
        ->capture_default_str();
    ae->add_option("--max-batches", options.maxBatches, "Batches per epoch (0: all)")->capture_default_str();
    ae->add_option("--patience", options.patience, "Early stopping after N epochs without a better validation loss (0: off)")
        ->capture_default_str();
    ae->add_option("--data", options.dataFolder, "MNIST-format folder (default: the embedded subset)")
        ->check(CLI::ExistingDirectory);
    addPrecisionOption(ae, options.precision);
    addRunFolderOptions(ae, options.folder);
    return ae;
}

int runTrainAutoencoder(CLI::App& command, const TrainCommandOptions& o, int threads) {
    try {
        applyRunFolderOptions(command, o.folder,
                              {{"--decoder", "/decoder"}, {"--loss", "/loss"}, {"--code", "/code_size"},
                               {"--epochs", "/epochs"}, {"--batch", "/batch_size"},
                               {"--lr", "/learning_rate"}, {"--seed", "/seed"},
                               {"--split-seed", "/data/split_seed"}, {"--data", "/data/folder"},
                               {"--max-batches", "/max_batches_per_epoch"},
                               {"--patience", "/early_stopping_patience"},
                               {"--precision", "/precision", toString(kPrecisionOfUnrecordedRuns)}});
        const auto options = train::AutoencoderTrainingOptions()
                                 .decoder(models::decoderKindFromString(o.decoder))
                                 .loss(train::reconstructionLossFromString(o.loss))
                                 .codeSize(o.codeSize)
                                 .epochs(o.epochs)
                                 .batchSize(o.batchSize)
                                 .learningRate(o.learningRate)
                                 .seed(o.seed)
                                 .threads(threads)
                                 .precision(precisionFromString(o.precision))
                                 .maxBatchesPerEpoch(o.maxBatches)
                                 .earlyStoppingPatience(o.patience);
        options.validate();  // before loading anything

        std::optional<std::filesystem::path> folder;
        if (o.dataFolder) folder = *o.dataFolder;
        auto data = std::make_shared<const data::MnistData>(data::loadMnist(folder, o.splitSeed));
        std::cout << "Training autoencoder: decoder " << o.decoder << ", loss " << o.loss << ", code "
                  << o.codeSize << ", " << o.epochs << " epochs, batch " << o.batchSize << ", lr "
                  << o.learningRate << ", seed " << o.seed << ", " << threads << " threads, "
                  << toString(options.precision()) << "\n"
                  << "Data: " << data->source << " (" << data->train.size() << " train, "
                  << data->validation.size() << " validation)\nRun folder: " << o.folder.folder().string()
                  << (o.folder.resume.empty() ? "" : " (resumed)") << std::endl;

        const bool terminal = isTerminal();
        train::TrainingControl control;
        InterruptScope interrupt(control);
        train::AutoencoderTrainer trainer(options, data, o.folder.folder(), o.folder.use());
        train::TrainingCallbacks callbacks;
        if (terminal) callbacks.onBatch = drawProgress;
        callbacks.onEpoch = [](const train::EpochReport& r) {
            clearProgressLine();
            std::printf("epoch %3d/%d  train loss %.5f  val loss %.5f  train RMSE %.4f  val RMSE %.4f  %5.1fs  %6.0f img/s%s\n",
                        r.epoch, r.epochs, r.trainLoss, r.validationLoss, r.trainRmse, r.validationRmse,
                        r.seconds, r.imagesPerSecond, r.improved ? "  * best" : "");
            std::fflush(stdout);
        };
        const train::TrainingResult result = trainer.run(callbacks, control);
        clearProgressLine();

        std::cout << "\nRun " << train::toString(result.status);
        if (!result.message.empty()) std::cout << ": " << result.message;
        std::cout << "\n"
                  << std::fixed << std::setprecision(4) << "Best epoch:           " << result.bestEpoch
                  << "\nBest validation RMSE: " << result.bestValidationRmse
                  << "\nFinal train RMSE:     " << result.finalTrainRmse << std::setprecision(2)
                  << "\nSeconds per epoch:    " << result.secondsPerEpoch << std::setprecision(0)
                  << "\nImages per second:    " << result.imagesPerSecond << "\n";
        return interrupt.exitCode(result.status);
    } catch (const std::invalid_argument& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const c10::Error& e) {
        std::cerr << "error: " << e.what_without_backtrace() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
}

}  // namespace learn2add::cli
