#pragma once
// The whole assignment as one resumable plan of trainings (ASSIGNMENT.md Parts II-IV), run one
// after another into <runs>/<name>:
//   Part II   12 autoencoders: mirror, upsample and resize64 decoders x L2 and BCE x code 2 and 7
//   judge     the digit classifier that reads generated images (its own 8 epochs, or fewer)
//   Part III  the addition model with the assignment's exact loss, and with the default recipe
//   Part IV   VAE + P and VAE + generative P (default recipe)
// at the assignment's settings (100 epochs, Adam 1e-3, batch 128) unless shortened.
//
//   auto plan = assignmentPlan(AssignmentSettings{.epochs = 100}, "work/runs");
//   PlanOutcome outcome = runAssignmentPlan(plan, data, callbacks, control);
//
// Each run's state is read from its folder (statusOfPlannedRun): a finished run is skipped, an
// interrupted one (Ctrl+C, SIGKILL, a reboot) resumes after its last.pt, one finished with fewer
// epochs than planned is extended, and a run that failed (diverged, another kind, unreadable) is
// left untouched and reported. Running the plan again therefore continues where it stopped.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/Precision.h"
#include "data/MnistData.h"
#include "train/RunEstimate.h"
#include "train/TrainingControl.h"
#include "train/TrainingRequest.h"

namespace learn2add::train {

struct AssignmentSettings {
    int epochs = 100;             // every run's (the judge: at most kJudgeEpochs)
    Precision precision = Precision::Fp32;
    int threads = 2;
    int maxBatchesPerEpoch = 0;   // 0: every batch (a quick look or a test: a few)
    std::int64_t batchSize = 128;
    std::uint64_t seed = 42;
};

inline constexpr int kJudgeEpochs = 8;  // the judge's own default (JudgeTrainer.h)

struct PlannedRun {
    std::string name;     // its folder under the runs folder: "ae-mirror-l2-code2"
    std::string purpose;  // what of the assignment it answers: "Part II.4: mirror decoder, L2, code 2"
    std::filesystem::path folder;
    TrainingRequest request;
};

std::vector<PlannedRun> assignmentPlan(const AssignmentSettings& settings,
                                       const std::filesystem::path& runsFolder);

// Where a planned run stands, read from its folder.
struct PlannedRunStatus {
    enum class State { ToStart, ToResume, ToExtend, Done, Failed };
    State state = State::ToStart;
    int epochsDone = 0;
    std::string detail;  // for Failed: why, in words; otherwise what will happen
};
const char* toString(PlannedRunStatus::State state);  // "to start", "to resume", ...

PlannedRunStatus statusOfPlannedRun(const PlannedRun& run);

struct PlanCallbacks {
    // Before each run, also the ones skipped (Done, Failed); `index` counts from 1.
    std::function<void(int index, int count, const PlannedRun& run, const PlannedRunStatus& status)> onRunStart;
    RequestCallbacks training;
    std::function<void(int index, const PlannedRun& run, const RequestResult& result)> onRunEnd;
    // A run that could not be trained (its folder refused it, a checkpoint could not be read...).
    std::function<void(int index, const PlannedRun& run, const std::string& error)> onRunError;
};

struct PlanOutcome {
    int done = 0;      // finished runs at the end (trained now or before)
    int failed = 0;    // left untouched or stopped by an error
    bool cancelled = false;
};

PlanOutcome runAssignmentPlan(const std::vector<PlannedRun>& plan, std::shared_ptr<const data::MnistData> data,
                              const PlanCallbacks& callbacks, TrainingControl& control);

// Whether a run of this state trains when the plan runs (not Done, not Failed).
bool willTrain(const PlannedRunStatus& status);

struct PlanEstimateCallbacks {
    std::function<void(const std::string& key)> onCalibrating;  // a kind of run (calibrationKey)
    std::function<void(const std::string& key, const RunTimings& timings)> onCalibrated;
    std::function<void(std::size_t run, double seconds)> onEstimated;  // run: its index in the plan
};

// The seconds left of each run of the plan (-1: none: it will not train, or the calibration was
// cancelled before it), from one calibration per kind of run (RunEstimate.h), on this thread.
// Cancelling stops at once and leaves the rest at -1.
std::vector<double> estimatePlan(const std::vector<PlannedRun>& plan,
                                 const std::vector<PlannedRunStatus>& statuses,
                                 std::shared_ptr<const data::MnistData> data,
                                 TrainingControl& control, const PlanEstimateCallbacks& callbacks = {});

}  // namespace learn2add::train
