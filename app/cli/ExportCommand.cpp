#include "cli/ExportCommand.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>

#include "cli/ReportErrors.h"
#include "common/AtomicFile.h"
#include "infer/AdditionRun.h"
#include "infer/AutoencoderRun.h"
#include "infer/RunKind.h"
#include "models/DigitJudge.h"
#include "track/RunFolder.h"
#include "train/AdditionTrainer.h"
#include "train/Checkpoint.h"

namespace learn2add::cli {
namespace {

// The model of a run of any kind, loaded from its best.pt (the checkpoint's tag is checked).
std::shared_ptr<torch::nn::Module> loadRunModel(const std::filesystem::path& run,
                                                const infer::RunKind& kind) {
    switch (kind.family) {
        case infer::RunFamily::Judge: return train::loadJudge(run).ptr();
        case infer::RunFamily::Autoencoder: return infer::openAutoencoderRun(run).model.ptr();
        case infer::RunFamily::Addition: return infer::openAdditionRun(run).model.ptr();
    }
    throw std::logic_error("unknown run family");
}

}  // namespace

CLI::App* addExportCommand(CLI::App& app, ExportCommandOptions& o) {
    CLI::App* command = app.add_subcommand(
        "export", "Copy a run's config.json, metrics.csv and best.pt (optionally float16) to a folder");
    command->add_option("--run", o.run, "Run folder (any kind)")->required()->check(CLI::ExistingDirectory);
    command->add_option("--out", o.out, "Folder to write (created)")->required();
    command->add_flag("--half", o.half, "Store the parameters as float16 (half the size)");
    command->add_flag("--force", o.force, "Replace the run that --out holds");
    return command;
}

int runExportCommand(const ExportCommandOptions& o) {
    return reportErrors([&] {
        const std::filesystem::path from(o.run), to(o.out);
        const track::RunFolder source = track::RunFolder::open(from);
        const nlohmann::json config = source.readConfig();
        const infer::RunKind kind = infer::runKindOf(config, from);
        const train::CheckpointInfo info = train::readCheckpointInfo(from / "best.pt");
        const std::shared_ptr<torch::nn::Module> model = loadRunModel(from, kind);
        // Claimed like a training's run folder; best.pt is written before config.json, so an
        // interrupted export leaves no config that names a missing checkpoint.
        const track::RunFolder target = track::RunFolder::claim(
            to, o.force ? track::RunFolderUse::Replace : track::RunFolderUse::New);
        train::saveCheckpoint(target.bestCheckpointPath(), *model, info,
                              o.half ? train::CheckpointPrecision::Half
                                     : train::CheckpointPrecision::Float32);
        if (std::filesystem::exists(from / "metrics.csv")) {
            std::ifstream in(from / "metrics.csv", std::ios::binary);
            const std::string metrics((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (!in) throw std::runtime_error((from / "metrics.csv").string() + ": cannot read it");
            writeBytesAtomically(target.metricsPath(), metrics);
        }
        target.writeConfig(config);
        std::cout << "Exported " << kind.name << " run " << o.run << " (epoch " << info.epoch << ") to "
                  << o.out << (o.half ? " with float16 parameters" : "") << ": "
                  << std::filesystem::file_size(to / "best.pt") / 1024 << " KiB\n";
        return 0;
    });
}

}  // namespace learn2add::cli
