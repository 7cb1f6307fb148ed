// learn2add-cli: the experiments of Learn2Add without a window.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/DataCommand.h"
#include "cli/ReconstructCommand.h"
#include "cli/TrainCommand.h"
#include "common/TorchRuntime.h"

int main(int argc, char** argv) {
    CLI::App app{"Learn2Add: autoencoders that learn to add images of digits (headless)",
                 "learn2add-cli"};
    app.set_version_flag("--version", std::string("learn2add-cli ") + LEARN2ADD_VERSION);
    app.require_subcommand(1);
    app.fallthrough();  // --threads may also follow the subcommand
    int threads = 2;
    app.add_option("--threads", threads, "LibTorch intra-op threads (0: all cores)")
        ->check(CLI::Range(0, 256))
        ->capture_default_str();

    learn2add::cli::DataCommandOptions dataOptions;
    CLI::App* data = learn2add::cli::addDataCommand(app, dataOptions);
    learn2add::cli::TrainCommandOptions trainOptions;
    CLI::App* trainAutoencoder = learn2add::cli::addTrainCommand(app, trainOptions);
    learn2add::cli::ReconstructCommandOptions reconstructOptions;
    CLI::App* reconstruct = learn2add::cli::addReconstructCommand(app, reconstructOptions);

    CLI11_PARSE(app, argc, argv);
    learn2add::configureTorchThreads(threads);

    if (data->parsed()) return learn2add::cli::runDataCommand(dataOptions);
    if (trainAutoencoder->parsed()) return learn2add::cli::runTrainAutoencoder(
            trainOptions, threads > 0 ? threads : learn2add::hardwareThreads());
    if (reconstruct->parsed()) return learn2add::cli::runReconstructCommand(reconstructOptions);
    return 1;
}
