// The assignment as one plan (train/AssignmentPlan.h): every run of Parts II-IV at the given
// settings, each run's state read from its folder, and a plan that, stopped and started again,
// skips what is done and resumes what was interrupted. Also the calibration's estimate
// (train/RunEstimate.h).
#include "train/AssignmentPlan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "core/data/IdxFixtures.h"
#include "core/train/SmallData.h"
#include "train/RunEstimate.h"

namespace learn2add::train {
namespace {

using testing::smallData;
using State = PlannedRunStatus::State;
namespace fs = std::filesystem;

TEST(AssignmentPlan, HoldsEveryRunOfPartsTwoToFourAtTheGivenSettings) {
    AssignmentSettings settings;
    settings.epochs = 100;
    settings.precision = Precision::Bf16;
    const auto plan = assignmentPlan(settings, "/w/runs");
    ASSERT_EQ(plan.size(), 17u);
    std::set<std::string> names, autoencoders;
    for (const PlannedRun& run : plan) {
        names.insert(run.name);
        EXPECT_EQ(run.folder, fs::path("/w/runs") / run.name);
        if (const auto* ae = std::get_if<AutoencoderTrainingOptions>(&run.request)) {
            autoencoders.insert(std::string(models::toString(ae->decoder())) + "/" + toString(ae->loss()) + "/" +
                                std::to_string(ae->codeSize()));
            EXPECT_EQ(ae->epochs(), 100);
            EXPECT_DOUBLE_EQ(ae->learningRate(), 1e-3);
            EXPECT_EQ(ae->batchSize(), 128);
            EXPECT_EQ(ae->precision(), Precision::Bf16);
        }
    }
    EXPECT_EQ(names.size(), plan.size()) << "run names are folders: they must differ";
    EXPECT_EQ(autoencoders.size(), 12u) << "three decoders x L2, BCE x code 2, 7";
    EXPECT_TRUE(autoencoders.contains("resize64/bce/7"));

    // The judge comes before every addition model, which reads it.
    std::size_t judgeAt = plan.size();
    int additions = 0;
    bool exactRecipe = false;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (std::holds_alternative<JudgeTrainingOptions>(plan[i].request)) {
            judgeAt = i;
            EXPECT_EQ(std::get<JudgeTrainingOptions>(plan[i].request).epochs(), kJudgeEpochs);
        }
        if (const auto* addition = std::get_if<AdditionTrainingOptions>(&plan[i].request)) {
            ++additions;
            EXPECT_LT(judgeAt, i);
            EXPECT_EQ(addition->judgeRun(), fs::path("/w/runs/judge"));
            EXPECT_EQ(addition->epochs(), 100);
            exactRecipe = exactRecipe || addition->recipe() == AdditionRecipe::Assignment;
        }
    }
    EXPECT_EQ(additions, 4);
    EXPECT_TRUE(exactRecipe) << "Part III with the assignment's own loss";

    settings.epochs = 2;
    settings.maxBatchesPerEpoch = 3;
    for (const PlannedRun& run : assignmentPlan(settings, "r")) {
        EXPECT_EQ(epochsOf(run.request), 2) << run.name;  // the judge too: fewer than its 8
        EXPECT_EQ(batchesPerEpochOf(run.request, 100000), 3) << run.name;
    }
}

void writeConfig(const fs::path& folder, const std::string& text) {
    fs::create_directories(folder);
    std::ofstream(folder / "config.json") << text;
}

TEST(AssignmentPlan, EachRunsStateIsReadFromItsFolder) {
    data::testing::TempFolder temp;
    AssignmentSettings settings;
    settings.epochs = 3;
    const auto plan = assignmentPlan(settings, temp.path());
    const PlannedRun& run = plan.front();  // an autoencoder
    const auto stateWith = [&](const std::string& config) {
        writeConfig(run.folder, config);
        return statusOfPlannedRun(run);
    };
    EXPECT_EQ(statusOfPlannedRun(run).state, State::ToStart);
    const auto training = [](const std::string& status, int done) {
        return R"({"kind": "autoencoder", "training": {"status": ")" + status + R"(", "epochs_done": )" +
               std::to_string(done) + "}}";
    };
    EXPECT_EQ(stateWith(training("finished", 3)).state, State::Done);
    EXPECT_EQ(stateWith(training("stopped early", 2)).state, State::Done);
    const PlannedRunStatus extend = stateWith(training("finished", 2));
    EXPECT_EQ(extend.state, State::ToExtend);
    EXPECT_EQ(extend.epochsDone, 2);
    EXPECT_EQ(stateWith(training("running", 1)).state, State::ToResume) << "killed: config.json still says running";
    EXPECT_EQ(stateWith(training("cancelled", 1)).state, State::ToResume);
    EXPECT_EQ(stateWith(training("cancelled before epoch 1", 0)).state, State::ToResume);
    const PlannedRunStatus diverged = stateWith(training("diverged", 1));
    EXPECT_EQ(diverged.state, State::Failed);
    EXPECT_NE(diverged.detail.find("diverged"), std::string::npos);
    const PlannedRunStatus other = stateWith(R"({"kind": "judge"})");
    EXPECT_EQ(other.state, State::Failed);
    EXPECT_NE(other.detail.find("autoencoder"), std::string::npos) << other.detail;
    const PlannedRunStatus corrupt = stateWith("{\"kind\": \"autoenc");
    EXPECT_EQ(corrupt.state, State::Failed);
    EXPECT_NE(corrupt.detail.find("not readable JSON"), std::string::npos) << corrupt.detail;
}

TEST(AssignmentPlan, AnAdditionRunTrainedWithAnotherRecipeIsNamedAndLeftAsItIs) {
    data::testing::TempFolder temp;
    AssignmentSettings settings;
    settings.epochs = 3;
    const auto plan = assignmentPlan(settings, temp.path());
    const auto at = std::find_if(plan.begin(), plan.end(), [](const PlannedRun& r) { return r.name == "addition"; });
    ASSERT_NE(at, plan.end());
    const auto& options = std::get<AdditionTrainingOptions>(at->request);
    nlohmann::json config = additionRecipeConfig(options);
    config["kind"] = "addition";
    config["training"] = {{"status", "finished"}, {"epochs_done", 3}};
    writeConfig(at->folder, config.dump());
    EXPECT_EQ(statusOfPlannedRun(*at).state, State::Done);
    // The same run as the labelled default before session 13 made it: probe, prototypes, constant.
    config.update(additionRecipeConfig(withDigitLabelAids(options).learningRateSchedule(LearningRateSchedule::Constant)));
    config.erase("lr_schedule");
    writeConfig(at->folder, config.dump());
    const PlannedRunStatus older = statusOfPlannedRun(*at);
    EXPECT_EQ(older.state, State::Failed);
    EXPECT_NE(older.detail.find(R"(another recipe: code_target "prototype" (the plan: "sample"))"), std::string::npos)
        << older.detail;
}

// Two small autoencoder runs of the plan (the first two: mirror and upsample, L2, code 2).
std::vector<PlannedRun> smallPlan(const fs::path& runs) {
    AssignmentSettings settings;
    settings.epochs = 2;
    settings.maxBatchesPerEpoch = 2;
    settings.batchSize = 16;
    auto plan = assignmentPlan(settings, runs);
    plan.resize(2);
    return plan;
}

int metricsRows(const fs::path& folder) {
    std::ifstream in(folder / "metrics.csv");
    int lines = 0;
    for (std::string line; std::getline(in, line);) lines += line.empty() ? 0 : 1;
    return lines - 1;
}

TEST(AssignmentPlan, AStoppedPlanSkipsWhatIsDoneAndResumesWhatWasInterrupted) {
    data::testing::TempFolder temp;
    const auto plan = smallPlan(temp.path());
    std::vector<std::pair<std::string, State>> started;
    PlanCallbacks callbacks;
    callbacks.onRunStart = [&](int, int, const PlannedRun& run, const PlannedRunStatus& status) {
        started.emplace_back(run.name, status.state);
    };
    TrainingControl stop;
    int epochsSeen = 0;
    // Stop in the second run's first epoch, as Ctrl+C would.
    callbacks.training.onEpoch = [&](const RequestEpoch&) {
        if (++epochsSeen == 3) stop.requestCancel();
    };
    PlanOutcome first = runAssignmentPlan(plan, smallData(), callbacks, stop);
    EXPECT_TRUE(first.cancelled);
    EXPECT_EQ(first.done, 1);
    EXPECT_EQ(statusOfPlannedRun(plan[0]).state, State::Done);
    const PlannedRunStatus interrupted = statusOfPlannedRun(plan[1]);
    EXPECT_EQ(interrupted.state, State::ToResume);
    EXPECT_EQ(interrupted.epochsDone, 1);
    const auto finishedAt = fs::last_write_time(plan[0].folder / "last.pt");

    started.clear();
    callbacks.training.onEpoch = nullptr;
    TrainingControl control;
    const PlanOutcome second = runAssignmentPlan(plan, smallData(), callbacks, control);
    EXPECT_FALSE(second.cancelled);
    EXPECT_EQ(second.done, 2);
    EXPECT_EQ(second.failed, 0);
    ASSERT_EQ(started.size(), 2u);
    EXPECT_EQ(started[0].second, State::Done);
    EXPECT_EQ(started[1].second, State::ToResume);
    EXPECT_EQ(fs::last_write_time(plan[0].folder / "last.pt"), finishedAt) << "a finished run is not trained again";
    EXPECT_EQ(metricsRows(plan[1].folder), 2) << "epoch 2 was added after the resumed epoch 1";
    EXPECT_EQ(statusOfPlannedRun(plan[1]).state, State::Done);
}

TEST(AssignmentPlan, ARunThatCannotBeTrainedIsReportedAndTheOthersGoOn) {
    data::testing::TempFolder temp;
    const auto plan = smallPlan(temp.path());
    writeConfig(plan[0].folder, R"({"kind": "judge"})");  // someone else's run: left untouched
    PlanCallbacks callbacks;
    TrainingControl control;
    const PlanOutcome outcome = runAssignmentPlan(plan, smallData(), callbacks, control);
    EXPECT_EQ(outcome.failed, 1);
    EXPECT_EQ(outcome.done, 1);
    EXPECT_FALSE(fs::exists(plan[0].folder / "best.pt"));
    EXPECT_EQ(statusOfPlannedRun(plan[1]).state, State::Done);
}

TEST(RunEstimate, ACalibrationTimesBatchesAndEvaluationAndTheEstimateGrowsWithEpochs) {
    const auto plan = smallPlan("unused");
    TrainingRequest request = plan[0].request;
    setMaxBatchesPerEpoch(request, 0);
    TrainingControl control;
    const RunTimings timings = calibrateRun(request, smallData(), control);
    EXPECT_EQ(timings.batches, kCalibrationBatches);
    EXPECT_GT(timings.secondsPerBatch, 0.0);
    EXPECT_GT(timings.evaluationSeconds, 0.0);
    EXPECT_FALSE(fs::exists("unused")) << "the calibration writes nothing";
    const double one = estimateSeconds(timings, request, *smallData(), 1, true);
    const double ten = estimateSeconds(timings, request, *smallData(), 10, true);
    const int batches = batchesPerEpochOf(request, examplesPerEpoch(request, *smallData()));
    EXPECT_EQ(batches, (600 + 15) / 16);
    EXPECT_NEAR(ten - one, 9 * (batches * timings.secondsPerBatch + timings.evaluationSeconds), 1e-9);
    EXPECT_EQ(estimateSeconds(timings, request, *smallData(), 0, false), 0.0);
    EXPECT_EQ(calibrationKey(plan[0].request), calibrationKey(assignmentPlan({}, "r")[6].request))
        << "mirror L2 code 2 and mirror L2 code 7 cost the same";
    EXPECT_NE(calibrationKey(plan[0].request), calibrationKey(plan[1].request));
}

}  // namespace
}  // namespace learn2add::train
