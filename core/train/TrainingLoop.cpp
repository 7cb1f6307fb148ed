#include "train/TrainingLoop.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <cmath>
#include <limits>
#include <mutex>
#include <set>

#include "models/WeightLayout.h"
#include "track/EventFileWriter.h"
#include "track/TrackError.h"
#include "train/EpochOrder.h"

namespace learn2add::train {
namespace {

// config.json entries a resume may change: how long and how fast to train, and what the loop
// itself writes.
const std::set<std::string> kFreeOnResume = {"epochs", "threads", "early_stopping_patience",
                                             "learn2add_version", "training", "result"};

void requireSameSettings(nlohmann::json stored, const nlohmann::json& wanted,
                         const std::filesystem::path& folder) {
    if (stored.is_object()) stored["precision"] = toString(precisionOfRun(stored));  // older runs
    for (const auto& [key, value] : wanted.items()) {
        if (kFreeOnResume.contains(key)) continue;
        const std::string was = stored.contains(key) ? stored.at(key).dump() : "nothing";
        if (!stored.contains(key) || stored.at(key) != value) {
            throw track::TrackError(folder.string() + ": cannot resume with " + key + " " +
                                    value.dump() + ": the run was trained with " + was);
        }
    }
}

std::string statusName(const LoopResult& result, bool running) {
    if (running) return "running";
    if (result.status == TrainingResult::Status::Cancelled && result.epochsRun == 0) {
        return "cancelled before epoch 1";
    }
    return toString(result.status);
}

nlohmann::json trainingEntry(const LoopResult& result, bool running) {
    return {{"status", statusName(result, running)},
            {"epochs_done", result.epochsRun},
            {"best_epoch", result.bestEpoch},
            {"message", result.message}};
}

struct Counters {
    int epoch = 0;
    int bestEpoch = 0;
    double bestMetric = 0.0;
    int epochsWithoutImprovement = 0;
};

void saveLast(const track::RunFolder& run, TrainingSteps& steps,
              const torch::optim::Optimizer& optimizer, const Counters& counters) {
    CheckpointInfo info = steps.checkpointInfo();
    info.epoch = counters.epoch;
    info.validationLoss = counters.bestMetric;
    saveCheckpoint(run.lastCheckpointPath(), steps.model(), info, CheckpointPrecision::Float32,
                   [&](torch::serialize::OutputArchive& archive) {
                       torch::serialize::OutputArchive adam;
                       optimizer.save(adam);
                       archive.write("optimizer", adam);
                       at::Generator generator = at::detail::getDefaultCPUGenerator();
                       {
                           std::lock_guard<std::mutex> lock(generator.mutex());
                           archive.write("cpu_generator", generator.get_state());
                       }
                       archive.write("epoch", c10::IValue(static_cast<std::int64_t>(counters.epoch)));
                       archive.write("best_epoch",
                                     c10::IValue(static_cast<std::int64_t>(counters.bestEpoch)));
                       archive.write("best_metric", c10::IValue(counters.bestMetric));
                       archive.write("epochs_without_improvement",
                                     c10::IValue(static_cast<std::int64_t>(
                                         counters.epochsWithoutImprovement)));
                       torch::serialize::OutputArchive own;
                       steps.saveState(own);
                       archive.write("steps", own);
                   });
}

// The counters of last.pt, with the weights, the optimizer, the generator and the steps' state
// restored; epoch 0 when the run stopped before its first epoch (it then starts again).
Counters resumeFrom(const track::RunFolder& run, TrainingSteps& steps,
                    torch::optim::Optimizer& optimizer) {
    const auto last = run.lastCheckpointPath();
    if (!std::filesystem::exists(last) || readCheckpointInfo(last).epoch == 0) return {};
    loadCheckpoint(last, steps.model(), steps.checkpointInfo());
    Counters counters;
    readResumeState(last, [&](torch::serialize::InputArchive& archive) {
        torch::serialize::InputArchive adam;
        archive.read("optimizer", adam);
        optimizer.load(adam);
        torch::Tensor state;
        archive.read("cpu_generator", state);
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        {
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(state);
        }
        c10::IValue value;
        archive.read("epoch", value);
        counters.epoch = static_cast<int>(value.toInt());
        archive.read("best_epoch", value);
        counters.bestEpoch = static_cast<int>(value.toInt());
        archive.read("best_metric", value);
        counters.bestMetric = value.toDouble();
        archive.read("epochs_without_improvement", value);
        counters.epochsWithoutImprovement = static_cast<int>(value.toInt());
        torch::serialize::InputArchive own;
        archive.read("steps", own);
        steps.loadState(own);
    });
    return counters;
}

// At the loop's end (a return or an exception): the trained tensors, and the model the steps hold
// then (the judge's finished() swaps its best weights in), in the default layout again.
class DefaultLayoutAtExit {
public:
    DefaultLayoutAtExit(TrainingSteps& steps, std::vector<torch::Tensor> trained)
        : steps_(steps), trained_(std::move(trained)) {}
    ~DefaultLayoutAtExit() {
        try {
            models::setWeightLayout(trained_, at::MemoryFormat::Contiguous);
            models::setWeightLayout(steps_.model().parameters(), at::MemoryFormat::Contiguous);
        } catch (const std::exception&) {
            // Out of memory for a copy: the model still computes the same values in either layout.
        }
    }
    DefaultLayoutAtExit(const DefaultLayoutAtExit&) = delete;
    DefaultLayoutAtExit& operator=(const DefaultLayoutAtExit&) = delete;

private:
    TrainingSteps& steps_;
    std::vector<torch::Tensor> trained_;
};

std::string divergence(double loss, int epoch, std::int64_t batch, int bestEpoch) {
    return "the training loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") +
           " at epoch " + std::to_string(epoch) + ", batch " + std::to_string(batch + 1) +
           "; training stopped" +
           (bestEpoch > 0 ? " and best.pt (epoch " + std::to_string(bestEpoch) + ") is kept" : "") +
           ". Try a lower learning rate.";
}

}  // namespace

std::string statusOfRun(const nlohmann::json& config) {
    if (!config.contains("training") || !config["training"].is_object()) return "";
    return config["training"].value("status", "");
}

LoopResult runTrainingLoop(TrainingSteps& steps, const LoopSettings& settings,
                           TrainingControl& control) {
    const bool resume = settings.use == track::RunFolderUse::Resume;
    nlohmann::json config = settings.config;
    config["precision"] = toString(settings.precision);
    std::optional<track::RunFolder> run;
    if (settings.runFolder) {
        run = track::RunFolder::claim(*settings.runFolder, settings.use);
        if (resume) requireSameSettings(run->readConfig(), config, run->root());
    }
    // The convolutions train channels-last (models/WeightLayout.h); the model goes back to the
    // default layout however the loop ends.
    const std::vector<torch::Tensor> trained = steps.parameters();
    const DefaultLayoutAtExit defaultLayoutAtExit(steps, trained);
    models::setWeightLayout(trained, at::MemoryFormat::ChannelsLast);
    torch::optim::Adam optimizer(trained, torch::optim::AdamOptions(settings.learningRate));
    const double worst = steps.higherIsBetter() ? -std::numeric_limits<double>::infinity()
                                                : std::numeric_limits<double>::infinity();
    Counters counters{0, 0, worst, 0};
    if (run && resume) {
        const Counters restored = resumeFrom(*run, steps, optimizer);
        if (restored.epoch > 0) counters = restored;
    }
    LoopResult result;
    result.resumed = counters.epoch > 0;
    result.epochsRun = counters.epoch;
    result.bestEpoch = counters.bestEpoch;
    result.bestMetric = counters.bestEpoch > 0 ? counters.bestMetric : 0.0;
    const int firstEpoch = counters.epoch + 1;

    std::optional<track::EventFileWriter> events;
    if (run) {
        run->keepMetricsUpTo(counters.epoch);
        config["training"] = trainingEntry(result, true);
        run->writeConfig(config);
        events.emplace(run->root());
        if (resume) events->addSessionStart(firstEpoch);
    }

    // Every clock below skips the time spent paused (each start moves on by the pause), so seconds
    // per epoch, the elapsed time and the ETA are training time.
    const auto now = [&settings] { return settings.clock(); };
    auto start = now();
    double trainingSeconds = 0.0;
    std::int64_t examplesTrained = 0;
    const auto finish = [&](TrainingResult::Status status, std::string message) {
        result.status = status;
        result.message = std::move(message);
        const int sessionEpochs = result.epochsRun - firstEpoch + 1;
        result.secondsPerEpoch =
            sessionEpochs > 0 ? secondsBetween(start, now()) / sessionEpochs : 0.0;
        result.examplesPerSecond =
            trainingSeconds > 0 ? static_cast<double>(examplesTrained) / trainingSeconds : 0.0;
        steps.finished(result, config);
        if (run) {
            if (result.bestEpoch == 0 && settings.bestBeforeFirstEpoch) {
                // A best.pt always (marked epoch 0: not trained), and a last.pt that resumes from
                // the start.
                CheckpointInfo info = steps.checkpointInfo();
                info.validationLoss = std::nan("");
                saveCheckpoint(run->bestCheckpointPath(), steps.model(), info);
                saveCheckpoint(run->lastCheckpointPath(), steps.model(), info);
            }
            config["training"] = trainingEntry(result, false);
            run->writeConfig(config);
            events->flush();
        }
        return result;
    };

    if (!result.resumed) {
        steps.prepare(control);
        if (control.cancelRequested()) return finish(TrainingResult::Status::Cancelled, "stopped by the user");
    }
    const std::int64_t n = steps.examples();
    std::int64_t batches = (n + settings.batchSize - 1) / settings.batchSize;
    if (settings.maxBatchesPerEpoch > 0) {
        batches = std::min<std::int64_t>(batches, settings.maxBatchesPerEpoch);
    }

    steps.model().train();
    auto loopStart = now();  // for the ETA: after the warm-up
    for (int epoch = firstEpoch; epoch <= settings.epochs; ++epoch) {
        auto epochStart = now();
        steps.beginEpoch(epoch);
        const torch::Tensor order = epochOrder(n, settings.seed, epoch);
        std::int64_t epochExamples = 0;
        double epochSeconds = 0.0;
        for (std::int64_t b = 0; b < batches; ++b) {
            const auto waitStart = now();
            const bool goOn = control.waitWhilePaused();
            const auto paused = now() - waitStart;
            start += paused;
            loopStart += paused;
            epochStart += paused;
            if (!goOn) return finish(TrainingResult::Status::Cancelled, "stopped by the user");
            const auto batchStart = now();
            const torch::Tensor positions =
                order.slice(0, b * settings.batchSize, std::min(n, (b + 1) * settings.batchSize));
            const torch::Tensor loss = [&] {
                AutocastScope autocast(settings.precision);  // the forward pass and the loss
                return steps.batchLoss(positions);
            }().to(torch::kFloat32);
            const double value = loss.item<double>();
            if (!std::isfinite(value)) {
                return finish(TrainingResult::Status::Diverged,
                              divergence(value, epoch, b, result.bestEpoch));
            }
            optimizer.zero_grad();
            loss.backward();
            if (settings.schedule != LearningRateSchedule::Constant) {
                const double rate = scheduledRate(settings.schedule, settings.learningRate, epoch, b,
                                                  settings.epochs, batches);
                for (auto& group : optimizer.param_groups()) {
                    static_cast<torch::optim::AdamOptions&>(group.options()).lr(rate);
                }
            }
            optimizer.step();
            epochExamples += positions.size(0);
            epochSeconds += secondsBetween(batchStart, now());
            steps.afterStep(batchReport(epoch, settings.epochs, b, batches, value, start, loopStart,
                                        now(), firstEpoch),
                            positions.size(0));
        }
        trainingSeconds += epochSeconds;
        examplesTrained += epochExamples;

        // The evaluation takes seconds: a stop requested meanwhile is honoured before and in it.
        if (control.cancelRequested()) return finish(TrainingResult::Status::Cancelled, "stopped by the user");
        std::optional<EpochRecord> record = steps.evaluate(epoch, control);
        if (!record) return finish(TrainingResult::Status::Cancelled, "stopped by the user");
        steps.model().train();

        EpochSummary summary;
        summary.epoch = epoch;
        summary.epochs = settings.epochs;
        summary.improved = steps.higherIsBetter() ? record->metric > counters.bestMetric
                                                  : record->metric < counters.bestMetric;
        if (summary.improved) {
            counters.bestMetric = record->metric;
            counters.bestEpoch = epoch;
            counters.epochsWithoutImprovement = 0;
        } else {
            ++counters.epochsWithoutImprovement;
        }
        counters.epoch = epoch;
        summary.bestEpoch = counters.bestEpoch;
        summary.examplesPerSecond =
            epochSeconds > 0 ? static_cast<double>(epochExamples) / epochSeconds : 0.0;
        summary.seconds = secondsBetween(epochStart, now());
        summary.elapsedSeconds = secondsBetween(start, now());
        result.epochsRun = epoch;
        result.bestEpoch = counters.bestEpoch;
        result.bestMetric = counters.bestMetric;

        if (run) {
            track::MetricsRow row{{"epoch", epoch}};
            row.insert(row.end(), record->columns.begin(), record->columns.end());
            row.emplace_back("best_epoch", summary.bestEpoch);
            row.emplace_back("seconds", summary.seconds);
            row.emplace_back("elapsed_seconds", summary.elapsedSeconds);
            row.emplace_back(settings.throughputColumn, summary.examplesPerSecond);
            run->appendMetrics(row);
            for (const auto& [tag, value] : record->scalars) {
                events->addScalar(tag, epoch, static_cast<float>(value));
            }
            events->addScalar("speed/" + settings.throughputColumn, epoch,
                              static_cast<float>(summary.examplesPerSecond));
            for (const EpochRecord::Image& image : record->images) {
                events->addImage(image.tag, epoch, image.height, image.width, 1, image.grey);
            }
            events->flush();
            if (summary.improved) {
                CheckpointInfo info = steps.checkpointInfo();
                info.epoch = epoch;
                info.validationLoss = record->metric;
                saveCheckpoint(run->bestCheckpointPath(), steps.model(), info);
            }
            saveLast(*run, steps, optimizer, counters);
            config["training"] = trainingEntry(result, true);
            run->writeConfig(config);
        }
        steps.epochEnded(summary);

        if (settings.earlyStoppingPatience > 0 &&
            counters.epochsWithoutImprovement >= settings.earlyStoppingPatience) {
            return finish(TrainingResult::Status::EarlyStopped,
                          "no better validation metric for " +
                              std::to_string(counters.epochsWithoutImprovement) + " epochs");
        }
    }
    return finish(TrainingResult::Status::Finished, "");
}

}  // namespace learn2add::train
