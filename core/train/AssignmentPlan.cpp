#include "train/AssignmentPlan.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <variant>

#include "train/AdditionTrainer.h"
#include "train/TrainingLoop.h"

namespace learn2add::train {
namespace {

std::string lossName(ReconstructionLoss loss) {
    return loss == ReconstructionLoss::L2 ? "L2" : "BCE";
}

std::string afterEpochs(int epochs) {
    return std::to_string(epochs) + (epochs == 1 ? " epoch" : " epochs");
}

}  // namespace

std::vector<PlannedRun> assignmentPlan(const AssignmentSettings& settings,
                                       const std::filesystem::path& runsFolder) {
    std::vector<PlannedRun> plan;
    const auto add = [&](std::string name, std::string purpose, TrainingRequest request) {
        setThreads(request, settings.threads);
        setMaxBatchesPerEpoch(request, settings.maxBatchesPerEpoch);
        const std::filesystem::path folder = runsFolder / name;
        plan.push_back({std::move(name), std::move(purpose), folder, std::move(request)});
    };
    // Part II: II.4 (three decoders, L2), II.6 (BCE), II.7 (code 7), each at code 2 and 7.
    for (const std::int64_t code : {2, 7}) {
        for (const ReconstructionLoss loss : {ReconstructionLoss::L2, ReconstructionLoss::Bce}) {
            for (const models::DecoderKind decoder : models::kAllDecoderKinds) {
                const std::string decoderName = models::toString(decoder);
                const std::string step = loss == ReconstructionLoss::Bce ? "II.6" : (code == 2 ? "II.4" : "II.7");
                add("ae-" + decoderName + "-" + toString(loss) + "-code" + std::to_string(code),
                    "Part " + step + ": " + decoderName + " decoder, " + lossName(loss) + ", code " +
                        std::to_string(code),
                    AutoencoderTrainingOptions()
                        .decoder(decoder)
                        .loss(loss)
                        .codeSize(code)
                        .epochs(settings.epochs)
                        .batchSize(settings.batchSize)
                        .seed(settings.seed)
                        .precision(settings.precision));
            }
        }
    }
    const std::filesystem::path judge = runsFolder / "judge";
    add("judge", "the judge: reads the generated digits (addition accuracy, marked grids)",
        JudgeTrainingOptions()
            .epochs(std::min(settings.epochs, kJudgeEpochs))
            .batchSize(settings.batchSize)
            .seed(settings.seed)
            .precision(settings.precision));
    const auto addition = [&](models::AdditionVariant variant, AdditionRecipe recipe) {
        return recipeDefaults(variant, recipe)
            .epochs(settings.epochs)
            .batchSize(settings.batchSize)
            .seed(settings.seed)
            .precision(settings.precision)
            .judgeRun(judge);
    };
    add("addition-assignment", "Part III.4-5: AE + P with the assignment's exact loss",
        addition(models::AdditionVariant::Autoencoder, AdditionRecipe::Assignment));
    add("addition", "Part III: AE + P with the default recipe",
        addition(models::AdditionVariant::Autoencoder, AdditionRecipe::Guided));
    add("vae-addition", "Part IV.1-2: VAE + P",
        addition(models::AdditionVariant::Variational, AdditionRecipe::Guided));
    add("vae-genp-addition", "Part IV.3: VAE + generative P",
        addition(models::AdditionVariant::VariationalGenerativeAdder, AdditionRecipe::Guided));
    return plan;
}

const char* toString(PlannedRunStatus::State state) {
    switch (state) {
        case PlannedRunStatus::State::ToStart: return "to start";
        case PlannedRunStatus::State::ToResume: return "to resume";
        case PlannedRunStatus::State::ToExtend: return "to extend";
        case PlannedRunStatus::State::Done: return "done";
        case PlannedRunStatus::State::Failed: return "failed";
    }
    return "?";
}

namespace {

// How a planned addition run's folder was trained differently from the plan's recipe (e.g. by a
// version before the label-free default: digit probe, prototype targets, constant rate), or
// nothing. Such a run would refuse to resume with the plan's settings.
std::string recipeClash(const TrainingRequest& request, const nlohmann::json& config) {
    const auto* options = std::get_if<AdditionTrainingOptions>(&request);
    if (!options) return {};
    nlohmann::json planned = additionRecipeConfig(*options);
    const char* unrecorded = toString(kScheduleOfUnrecordedRuns);
    if (!planned.contains("lr_schedule")) planned["lr_schedule"] = unrecorded;
    for (const auto& [key, value] : planned.items()) {
        nlohmann::json stored = config.contains(key) ? config.at(key) : nlohmann::json(nullptr);
        if (key == "lr_schedule" && stored.is_null()) stored = unrecorded;
        if (stored != value) return key + " " + stored.dump() + " (the plan: " + value.dump() + ")";
    }
    return {};
}

}  // namespace

PlannedRunStatus statusOfPlannedRun(const PlannedRun& run) {
    using State = PlannedRunStatus::State;
    const auto configPath = run.folder / "config.json";
    std::error_code error;
    if (!std::filesystem::is_regular_file(configPath, error)) return {State::ToStart, 0, "new run"};
    nlohmann::json config;
    try {
        std::ifstream in(configPath);
        config = nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        return {State::Failed, 0, configPath.string() + " is not readable JSON (" + e.what() + "); left as it is"};
    }
    if (!config.is_object() || config.value("kind", std::string()) != kindOf(run.request)) {
        return {State::Failed, 0,
                run.folder.string() + " holds something else than a " + kindOf(run.request) +
                    " run; left as it is"};
    }
    if (const std::string clash = recipeClash(run.request, config); !clash.empty()) {
        return {State::Failed, 0,
                run.folder.string() + " was trained with another recipe: " + clash +
                    "; left as it is (remove the folder to train it with the plan's)"};
    }
    const int planned = epochsOf(run.request);
    const std::string status = statusOfRun(config);
    int done = 0;
    if (config.contains("training") && config["training"].is_object()) {
        done = config["training"].value("epochs_done", 0);
    }
    if (status == "diverged") {
        const std::string message = config["training"].value("message", std::string());
        return {State::Failed, done,
                "diverged" + (message.empty() ? std::string() : ": " + message) +
                    "; left as it is (remove the folder to train it again)"};
    }
    if (status == "stopped early" || (status == "finished" && done >= planned)) {
        return {State::Done, done, status + " after " + afterEpochs(done)};
    }
    if (status == "finished") {
        return {State::ToExtend, done, "finished after " + afterEpochs(done) + "; continues to " + std::to_string(planned)};
    }
    return {State::ToResume, done,
            (status.empty() ? std::string("interrupted") : status) + " after " + afterEpochs(done) +
                "; resumes from its last checkpoint"};
}

PlanOutcome runAssignmentPlan(const std::vector<PlannedRun>& plan, std::shared_ptr<const data::MnistData> data,
                              const PlanCallbacks& callbacks, TrainingControl& control) {
    using State = PlannedRunStatus::State;
    PlanOutcome outcome;
    const int count = static_cast<int>(plan.size());
    for (int i = 0; i < count && !control.cancelRequested(); ++i) {
        const PlannedRun& run = plan[static_cast<std::size_t>(i)];
        const PlannedRunStatus status = statusOfPlannedRun(run);
        if (callbacks.onRunStart) callbacks.onRunStart(i + 1, count, run, status);
        if (status.state == State::Done) {
            ++outcome.done;
            continue;
        }
        if (status.state == State::Failed) {
            ++outcome.failed;
            continue;
        }
        const track::RunFolderUse use =
            status.state == State::ToStart ? track::RunFolderUse::New : track::RunFolderUse::Resume;
        try {
            const RequestResult result =
                runTrainingRequest(run.request, data, run.folder, use, callbacks.training, control);
            if (callbacks.onRunEnd) callbacks.onRunEnd(i + 1, run, result);
            switch (result.status) {
                case TrainingResult::Status::Finished:
                case TrainingResult::Status::EarlyStopped: ++outcome.done; break;
                case TrainingResult::Status::Diverged: ++outcome.failed; break;
                case TrainingResult::Status::Cancelled: outcome.cancelled = true; break;
            }
        } catch (const std::exception& e) {
            ++outcome.failed;
            if (callbacks.onRunError) callbacks.onRunError(i + 1, run, e.what());
        }
    }
    outcome.cancelled = outcome.cancelled || control.cancelRequested();
    return outcome;
}

bool willTrain(const PlannedRunStatus& status) {
    return status.state != PlannedRunStatus::State::Done &&
           status.state != PlannedRunStatus::State::Failed;
}

std::vector<double> estimatePlan(const std::vector<PlannedRun>& plan,
                                 const std::vector<PlannedRunStatus>& statuses,
                                 std::shared_ptr<const data::MnistData> data,
                                 TrainingControl& control, const PlanEstimateCallbacks& callbacks) {
    std::vector<double> seconds(plan.size(), -1.0);
    std::map<std::string, RunTimings> timings;
    for (std::size_t i = 0; i < plan.size() && !control.cancelRequested(); ++i) {
        if (!willTrain(statuses[i])) continue;
        const TrainingRequest& request = plan[i].request;
        const std::string key = calibrationKey(request);
        if (!timings.contains(key)) {
            if (callbacks.onCalibrating) callbacks.onCalibrating(key);
            try {
                timings[key] = calibrateRun(request, data, control);
            } catch (const std::exception&) {
                if (control.cancelRequested()) break;  // stopped: no estimate for the rest
                throw;
            }
            if (callbacks.onCalibrated) callbacks.onCalibrated(key, timings[key]);
        }
        seconds[i] = estimateSeconds(timings[key], request, *data,
                                     epochsOf(request) - statuses[i].epochsDone,
                                     statuses[i].state == PlannedRunStatus::State::ToStart);
        if (callbacks.onEstimated) callbacks.onEstimated(i, seconds[i]);
    }
    return seconds;
}

}  // namespace learn2add::train
