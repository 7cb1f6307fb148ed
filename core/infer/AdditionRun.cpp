#include "infer/AdditionRun.h"

#include "track/RunFolder.h"
#include "track/TrackError.h"
#include "train/AdditionTrainer.h"

namespace learn2add::infer {
namespace {

nlohmann::json readConfig(const std::filesystem::path& folder) {
    try {
        return track::RunFolder::open(folder).readConfig();
    } catch (const track::TrackError& e) {
        throw RunOpenError(e.what());
    }
}

nlohmann::json readConfigOfKind(const std::filesystem::path& folder, const std::string& expected,
                                const std::string& command) {
    nlohmann::json config = readConfig(folder);
    const std::string kind = config.value("kind", "");
    if (kind != expected) {
        throw RunOpenError(folder.string() + " is a run of kind '" + kind + "'; " + expected +
                           " run (" + command + ") is expected");
    }
    return config;
}

}  // namespace

AdditionRun openAdditionRun(const std::filesystem::path& folder) {
    AdditionRun run;
    run.folder = folder;
    run.config = readConfig(folder);
    const std::string kind = run.config.value("kind", "");
    try {
        run.variant = models::additionVariantFromString(kind);
    } catch (const std::invalid_argument&) {
        throw RunOpenError(folder.string() + " is a run of kind '" + kind +
                           "'; an addition, vae-addition or vae-genp-addition run (learn2add-cli "
                           "train addition|vae-addition|vae-genp-addition) is expected");
    }
    try {
        const auto decoder =
            models::decoderKindFromString(run.config.at("decoder").get<std::string>());
        const auto codeSize = run.config.at("code_size").get<std::int64_t>();
        run.heldOut = data::parseHeldOutCells(run.config.value("held_out", ""));
        train::requireCheckpointOf(folder / "best.pt", {kind, models::toString(decoder), codeSize});
        run.model = models::AdditionModel(
            models::AdditionModelOptions().decoder(decoder).codeSize(codeSize).variant(run.variant));
        run.checkpoint = train::loadCheckpoint(folder / "best.pt", *run.model,
                                               {kind, models::toString(decoder), codeSize});
    } catch (const train::CheckpointError& e) {
        throw RunOpenError(e.what());
    } catch (const std::exception& e) {
        throw RunOpenError(folder.string() + ": config.json does not describe an addition model (" +
                           e.what() + ")");
    }
    requireATrainedEpoch(folder, run.checkpoint);
    run.model->eval();
    return run;
}

JudgeRun openJudgeRun(const std::filesystem::path& folder) {
    JudgeRun run;
    run.folder = folder;
    run.config = readConfigOfKind(folder, "judge", "learn2add-cli train judge");
    try {
        run.judge = train::loadJudge(folder);
    } catch (const std::exception& e) {
        throw RunOpenError(e.what());
    }
    if (run.config.contains("result")) {
        run.testAccuracy = run.config["result"].value("test_accuracy", -1.0);
    }
    return run;
}

}  // namespace learn2add::infer
