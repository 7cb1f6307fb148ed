#include "train/RunEstimate.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace learn2add::train {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start, Clock::time_point end) {
    return std::chrono::duration<double>(end - start).count();
}

}  // namespace

RunTimings calibrateRun(const TrainingRequest& request, std::shared_ptr<const data::MnistData> data,
                        TrainingControl& control) {
    TrainingRequest probe = request;
    setEpochs(probe, 1);
    // The judge may not be trained yet (the plan trains it first): time the model without it.
    if (auto* addition = std::get_if<AdditionTrainingOptions>(&probe)) addition->judgeRun(std::filesystem::path());
    const int wanted = batchesPerEpochOf(request, examplesPerEpoch(request, *data));
    const int batches = std::max(2, std::min(kCalibrationBatches, wanted));
    setMaxBatchesPerEpoch(probe, batches);
    std::vector<Clock::time_point> batchEnds;
    Clock::time_point epochEnd;
    RequestCallbacks callbacks;
    callbacks.onBatch = [&](const BatchReport&) { batchEnds.push_back(Clock::now()); };
    callbacks.onEpoch = [&](const RequestEpoch&) { epochEnd = Clock::now(); };
    RunTimings timings;
    double warmupSeconds = 0.0;
    callbacks.onWarmup = [&](const WarmupReport& warmup) {
        if (warmup.steps <= 0) return;
        warmupSeconds += warmup.seconds;
        timings.warmups.push_back({warmup.seconds / static_cast<double>(warmup.steps), warmup.passes,
                                   warmup.unboundedStepsPerPass});
    };
    const auto start = Clock::now();
    const RequestResult result =
        runTrainingRequest(probe, std::move(data), std::nullopt, track::RunFolderUse::New, callbacks, control);
    if (result.status == TrainingResult::Status::Cancelled) throw std::runtime_error("calibration cancelled");
    if (batchEnds.size() < 2 || epochEnd == Clock::time_point()) {
        throw std::runtime_error("the calibration of a " + kindOf(request) + " run ended before its epoch did");
    }
    timings.batches = static_cast<int>(batchEnds.size());
    timings.secondsPerBatch = secondsSince(batchEnds.front(), batchEnds.back()) /
                              static_cast<double>(batchEnds.size() - 1);
    timings.prepareSeconds =
        std::max(0.0, secondsSince(start, batchEnds.front()) - timings.secondsPerBatch - warmupSeconds);
    timings.evaluationSeconds = secondsSince(batchEnds.back(), epochEnd);
    return timings;
}

double estimateSeconds(const RunTimings& timings, const TrainingRequest& request,
                       const data::MnistData& data, int epochsLeft, bool fresh) {
    const int batches = batchesPerEpochOf(request, examplesPerEpoch(request, data));
    double prepare = timings.prepareSeconds;
    const int limit = std::visit([](const auto& options) { return options.maxBatchesPerEpoch(); }, request);
    for (const RunTimings::Warmup& warmup : timings.warmups) {
        const std::int64_t steps = limit > 0 ? std::min<std::int64_t>(limit, warmup.stepsPerPass) : warmup.stepsPerPass;
        prepare += static_cast<double>(warmup.passes * steps) * warmup.secondsPerStep;
    }
    const double epoch = batches * timings.secondsPerBatch + timings.evaluationSeconds;
    return (fresh ? prepare : 0.0) + std::max(0, epochsLeft) * epoch;
}

std::string calibrationKey(const TrainingRequest& request) {
    std::string key = kindOf(request);
    if (const auto* autoencoder = std::get_if<AutoencoderTrainingOptions>(&request)) {
        key += "/" + std::string(models::toString(autoencoder->decoder()));
    } else if (const auto* addition = std::get_if<AdditionTrainingOptions>(&request)) {
        key += "/" + std::string(models::toString(addition->decoder())) + "/" + toString(addition->recipe());
    }
    return key;
}

}  // namespace learn2add::train
