#include "cli/AssignmentCommand.h"

#include <cstdio>
#include <iostream>

#include "cli/OptionChecks.h"
#include "cli/ReportCommand.h"
#include "cli/ReportErrors.h"
#include "cli/TextTable.h"
#include "cli/TrainingProgress.h"
#include "track/FolderLock.h"
#include "train/AssignmentPlan.h"
#include "train/RunEstimate.h"

namespace learn2add::cli {
namespace {

using train::PlannedRun;
using train::PlannedRunStatus;
using State = PlannedRunStatus::State;

void printPlan(const std::vector<PlannedRun>& plan, const std::vector<PlannedRunStatus>& statuses,
               const std::vector<double>& estimates) {
    TextTable table({"#", "run", "for", "epochs", "state", "estimate"});
    double total = 0.0;
    bool estimated = false;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        std::string time = "-";
        if (i < estimates.size() && estimates[i] >= 0.0) {
            total += estimates[i];
            time = duration(estimates[i]);
            estimated = true;
        }
        std::string state = train::toString(statuses[i].state);
        if (statuses[i].epochsDone > 0) state += " (" + std::to_string(statuses[i].epochsDone) + " done)";
        table.addRow({std::to_string(i + 1), plan[i].name, plan[i].purpose,
                      std::to_string(train::epochsOf(plan[i].request)), state, time});
    }
    table.print(std::cout);
    if (estimated) std::cout << "Estimated time left: " << duration(total) << "\n";
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (statuses[i].state == State::Failed) {
            std::cout << "  " << plan[i].name << ": " << statuses[i].detail << "\n";
        }
    }
}

}  // namespace

CLI::App* addAssignmentCommand(CLI::App& app, AssignmentCommandOptions& o) {
    CLI::App* command = app.add_subcommand(
        "assignment",
        "Train every run of Parts II-IV at the assignment's settings (100 epochs), resumably, then write the report");
    command->add_option("--out", o.out, "Folder of the plan: runs/<name> for each run, report/ at the end")
        ->required();
    command->add_option("--epochs", o.epochs, "Epochs of every run (the judge: at most 8); fewer for a shorter look")
        ->check(CLI::Range(1, 10000))
        ->capture_default_str();
    command->add_option("--max-batches", o.maxBatches, "Batches per epoch (0: all)")
        ->check(CLI::Range(0, 1000000))
        ->capture_default_str();
    addPrecisionOption(command, o.precision);
    command->add_option("--data", o.dataFolder, "MNIST-format folder (default: the embedded subset)")
        ->check(CLI::ExistingDirectory);
    command->add_flag("--plan", o.planOnly, "Print the plan, each run's state and its estimated time, and stop");
    command->add_flag("!--no-estimate", o.estimate, "Skip the calibration (no time estimates)");
    return command;
}

int runAssignmentCommand(const AssignmentCommandOptions& o, int threads) {
    return reportErrors([&]() -> int {
        const std::filesystem::path root = std::filesystem::absolute(o.out);
        std::filesystem::create_directories(root / "runs");
        const track::FolderLock lock =
            track::FolderLock::take(root, ".learn2add-assignment.lock", "another `learn2add-cli assignment`");
        train::AssignmentSettings settings;
        settings.epochs = o.epochs;
        settings.maxBatchesPerEpoch = o.maxBatches;
        settings.precision = precisionFromString(o.precision);
        settings.threads = threads;
        const std::vector<PlannedRun> plan = train::assignmentPlan(settings, root / "runs");
        std::optional<std::filesystem::path> dataPath;
        if (o.dataFolder) dataPath = *o.dataFolder;
        const auto data = std::make_shared<const data::MnistData>(data::loadMnist(dataPath, 42));

        train::TrainingControl control;
        InterruptScope interrupt(control);
        std::vector<PlannedRunStatus> statuses;
        for (const PlannedRun& run : plan) statuses.push_back(train::statusOfPlannedRun(run));
        std::cout << "The assignment (Parts II-IV): " << plan.size() << " runs of " << o.epochs << " epoch(s), "
                  << toString(settings.precision) << ", " << threads << " threads, into " << (root / "runs").string()
                  << "\nData: " << data->source << std::endl;
        std::vector<double> estimates;
        if (o.estimate) {
            std::cout << "Calibrating on this machine (a few batches of each kind of run):\n";
            train::PlanEstimateCallbacks calibration;
            calibration.onCalibrating = [](const std::string& key) {
                std::cout << "  calibrating " << key << " ..." << std::flush;
            };
            calibration.onCalibrated = [](const std::string&, const train::RunTimings& timings) {
                std::printf(" %.0f ms per batch, %.1f s per evaluation\n", 1000.0 * timings.secondsPerBatch,
                            timings.evaluationSeconds);
            };
            estimates = train::estimatePlan(plan, statuses, data, control, calibration);
        }
        if (control.cancelRequested()) return interrupt.exitCode(train::TrainingResult::Status::Cancelled);
        printPlan(plan, statuses, estimates);
        if (o.planOnly) return 0;

        double leftAfterCurrent = 0.0;
        for (const double seconds : estimates) leftAfterCurrent += std::max(0.0, seconds);
        int current = 0;
        std::string currentName;
        int count = static_cast<int>(plan.size());
        train::PlanCallbacks callbacks;
        callbacks.onRunStart = [&](int index, int total, const PlannedRun& run, const PlannedRunStatus& status) {
            current = index;
            count = total;
            currentName = run.name;
            const auto at = static_cast<std::size_t>(index - 1);
            if (at < estimates.size()) leftAfterCurrent -= std::max(0.0, estimates[at]);
            std::cout << "\n[" << index << "/" << total << "] " << run.name << " (" << run.purpose << "): "
                      << train::toString(status.state) << ", " << status.detail << std::endl;
        };
        if (isTerminal()) callbacks.training.onBatch = drawProgress;
        callbacks.training.onWarmup = [](const train::WarmupReport& warmup) {
            clearProgressLine();
            std::cout << "  " << warmup.line << std::endl;
        };
        double sessionSeconds = 0.0;
        int sessionEpochs = 0;
        callbacks.training.onEpoch = [&](const train::RequestEpoch& epoch) {
            clearProgressLine();
            sessionSeconds += epoch.seconds;
            ++sessionEpochs;
            const double runLeft = (epoch.epochs - epoch.epoch) * (sessionSeconds / sessionEpochs);
            std::printf("  [%d/%d] %s epoch %d/%d  %s  %.1fs  run eta %s, plan eta %s%s\n", current, count,
                        currentName.c_str(), epoch.epoch, epoch.epochs, epoch.numbers.c_str(), epoch.seconds,
                        duration(runLeft).c_str(), duration(runLeft + leftAfterCurrent).c_str(),
                        epoch.improved ? "  * best" : "");
            std::fflush(stdout);
        };
        callbacks.onRunEnd = [&](int, const PlannedRun& run, const train::RequestResult& result) {
            clearProgressLine();
            sessionSeconds = 0.0;
            sessionEpochs = 0;
            std::cout << "  " << run.name << ": " << train::toString(result.status) << " after "
                      << result.epochsRun << " epoch(s), best epoch " << result.bestEpoch
                      << (result.message.empty() ? "" : " (" + result.message + ")") << std::endl;
        };
        callbacks.onRunError = [](int, const PlannedRun& run, const std::string& error) {
            clearProgressLine();
            std::cout << "  " << run.name << " failed: " << error << std::endl;
        };
        const train::PlanOutcome outcome = train::runAssignmentPlan(plan, data, callbacks, control);
        std::cout << "\n" << outcome.done << " of " << plan.size() << " runs done";
        if (outcome.failed > 0) std::cout << ", " << outcome.failed << " failed";
        if (outcome.cancelled) {
            std::cout << "; stopped: start the same command again to continue\n";
            return interrupt.exitCode(train::TrainingResult::Status::Cancelled);
        }
        std::cout << "\n";
        std::cout << "Writing the report into " << (root / "report").string() << std::endl;
        const int written = writeReportOf({root / "runs"}, root / "report", true);
        if (written != 0) return written;
        return outcome.failed > 0 ? 1 : 0;
    });
}

}  // namespace learn2add::cli
