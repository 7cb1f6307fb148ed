#include "cli/ReconstructCommand.h"

#include <iostream>

#include "cli/FigureOutput.h"
#include "infer/AutoencoderRun.h"
#include "infer/ReconstructionFigure.h"
#include "report/ReportFigures.h"

namespace learn2add::cli {

CLI::App* addReconstructCommand(CLI::App& app, ReconstructCommandOptions& options) {
    CLI::App* command = app.add_subcommand(
        "reconstruct", "Write the input-vs-reconstruction figure of 5 validation digits for an autoencoder run");
    command->add_option("--run", options.run, "Autoencoder run folder")->required();
    command->add_option("--out", options.out, "PNG file to write")->required();
    return command;
}

int runReconstructCommand(const ReconstructCommandOptions& options) {
    try {
        infer::AutoencoderRun run = infer::openAutoencoderRun(options.run);
        const data::MnistData data = infer::loadRunData(run.config);
        const auto [inputs, outputs] = infer::reconstructShownDigits(run, data.validation);
        const std::string title = run.config["decoder"].get<std::string>() + " decoder, " +
                                  run.config["loss"].get<std::string>() + " loss, code " +
                                  std::to_string(run.config["code_size"].get<int>()) + ", epoch " +
                                  std::to_string(run.checkpoint.epoch);
        writeFigure(ui::reconstructionFigure("reconstructions", inputs, outputs,
                                             QString::fromStdString(title)),
                    options.out);
        std::cout << "Wrote " << options.out << " (" << title << ")\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
}

}  // namespace learn2add::cli
