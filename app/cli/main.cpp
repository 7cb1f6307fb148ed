// learn2add-cli: the experiments of Learn2Add without a window.
#include <array>
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/AdditionCommands.h"
#include "cli/AssignmentCommand.h"
#include "cli/DataCommand.h"
#include "cli/ExportCommand.h"
#include "cli/FeaturesCommand.h"
#include "cli/ManifoldCommand.h"
#include "cli/MorphCommand.h"
#include "cli/ProbeCommand.h"
#include "cli/ReconstructCommand.h"
#include "cli/ReportCommand.h"
#include "cli/TrainAdditionCommand.h"
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
    CLI::App& train = *app.get_subcommand("train");
    learn2add::cli::TrainJudgeCommandOptions judgeOptions;
    CLI::App* trainJudge = learn2add::cli::addTrainJudgeCommand(train, judgeOptions);
    // One option set per addition model (train addition, vae-addition, vae-genp-addition).
    std::array<learn2add::cli::TrainAdditionCommandOptions, 3> additionOptions;
    std::array<CLI::App*, 3> trainAddition{};
    for (std::size_t i = 0; i < additionOptions.size(); ++i) {
        trainAddition[i] = learn2add::cli::addTrainAdditionCommand(
            train, additionOptions[i], learn2add::models::kAllAdditionVariants[i]);
    }
    learn2add::cli::AdditionCommandOptions inferOptions;
    const auto additionCommands = learn2add::cli::addAdditionCommands(app, inferOptions);
    learn2add::cli::ExportCommandOptions exportOptions;
    CLI::App* exportRun = learn2add::cli::addExportCommand(app, exportOptions);
    learn2add::cli::ProbeCommandOptions probeOptions;
    CLI::App* probe = learn2add::cli::addProbeCommand(app, probeOptions);
    learn2add::cli::ManifoldCommandOptions manifoldOptions;
    CLI::App* manifold = learn2add::cli::addManifoldCommand(app, manifoldOptions);
    learn2add::cli::MorphCommandOptions morphOptions;
    CLI::App* morph = learn2add::cli::addMorphCommand(app, morphOptions);
    learn2add::cli::FeaturesCommandOptions featuresOptions;
    CLI::App* features = learn2add::cli::addFeaturesCommand(app, featuresOptions);
    learn2add::cli::ReconstructCommandOptions reconstructOptions;
    CLI::App* reconstruct = learn2add::cli::addReconstructCommand(app, reconstructOptions);
    learn2add::cli::AssignmentCommandOptions assignmentOptions;
    CLI::App* assignment = learn2add::cli::addAssignmentCommand(app, assignmentOptions);
    learn2add::cli::ReportCommandOptions reportOptions;
    CLI::App* report = learn2add::cli::addReportCommand(app, reportOptions);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help and --version exit 0; every mistake on the command line exits 2, as other errors
        // do, with CLI11's message naming the option.
        return app.exit(error) == 0 ? 0 : 2;
    }
    learn2add::configureTorchThreads(threads);

    if (data->parsed()) return learn2add::cli::runDataCommand(dataOptions);
    const int trainingThreads = threads > 0 ? threads : learn2add::hardwareThreads();
    if (trainAutoencoder->parsed()) {
        return learn2add::cli::runTrainAutoencoder(*trainAutoencoder, trainOptions, trainingThreads);
    }
    if (trainJudge->parsed()) {
        return learn2add::cli::runTrainJudge(*trainJudge, judgeOptions, trainingThreads);
    }
    for (std::size_t i = 0; i < additionOptions.size(); ++i) {
        if (trainAddition[i]->parsed()) {
            return learn2add::cli::runTrainAddition(*trainAddition[i], additionOptions[i], trainingThreads);
        }
    }
    if (additionCommands.grid->parsed()) return learn2add::cli::runGridCommand(inferOptions);
    if (additionCommands.add->parsed()) return learn2add::cli::runAddCommand(inferOptions);
    if (additionCommands.eval->parsed()) return learn2add::cli::runEvalCommand(inferOptions);
    if (additionCommands.compare->parsed()) return learn2add::cli::runCompareCommand(inferOptions);
    if (exportRun->parsed()) return learn2add::cli::runExportCommand(exportOptions);
    if (probe->parsed()) return learn2add::cli::runProbeCommand(probeOptions);
    if (manifold->parsed()) return learn2add::cli::runManifoldCommand(manifoldOptions);
    if (morph->parsed()) return learn2add::cli::runMorphCommand(morphOptions);
    if (features->parsed()) return learn2add::cli::runFeaturesCommand(featuresOptions);
    if (reconstruct->parsed()) return learn2add::cli::runReconstructCommand(reconstructOptions);
    if (assignment->parsed()) return learn2add::cli::runAssignmentCommand(assignmentOptions, trainingThreads);
    if (report->parsed()) return learn2add::cli::runReportCommand(reportOptions);
    return 1;
}
