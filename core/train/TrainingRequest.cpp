#include "train/TrainingRequest.h"

#include <cstdio>

#include "data/AdditionPairs.h"
#include "train/AdditionTrainer.h"
#include "train/AutoencoderTrainer.h"

namespace learn2add::train {
namespace {

template <typename... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <typename... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

std::string format(const char* pattern, double a, double b = 0.0) {
    char text[96];
    std::snprintf(text, sizeof text, pattern, a, b);
    return text;
}

template <typename Result>
RequestResult resultOf(const Result& result) {
    return {result.status, result.message, result.epochsRun, result.bestEpoch, result.secondsPerEpoch};
}

}  // namespace

int epochsOf(const TrainingRequest& request) {
    return std::visit([](const auto& options) { return options.epochs(); }, request);
}

int batchesPerEpochOf(const TrainingRequest& request, std::int64_t examples) {
    return std::visit(
        [examples](const auto& options) {
            const auto batches = static_cast<int>((examples + options.batchSize() - 1) / options.batchSize());
            const int limit = options.maxBatchesPerEpoch();
            return limit > 0 && limit < batches ? limit : batches;
        },
        request);
}

void setEpochs(TrainingRequest& request, int epochs) {
    std::visit([epochs](auto& options) { options.epochs(epochs); }, request);
}

void setMaxBatchesPerEpoch(TrainingRequest& request, int batches) {
    std::visit([batches](auto& options) { options.maxBatchesPerEpoch(batches); }, request);
}

void setThreads(TrainingRequest& request, int threads) {
    std::visit([threads](auto& options) { options.threads(threads); }, request);
}

std::string kindOf(const TrainingRequest& request) {
    return std::visit(Overloaded{[](const AutoencoderTrainingOptions&) { return std::string("autoencoder"); },
                                 [](const JudgeTrainingOptions&) { return std::string("judge"); },
                                 [](const AdditionTrainingOptions& options) {
                                     return std::string(models::toString(options.variant()));
                                 }},
                      request);
}

std::int64_t examplesPerEpoch(const TrainingRequest& request, const data::MnistData& data) {
    if (const auto* addition = std::get_if<AdditionTrainingOptions>(&request)) {
        return static_cast<std::int64_t>(data::buildAdditionPairs(data.train, addition->seed()).size());
    }
    return static_cast<std::int64_t>(data.train.size());
}

RequestResult runTrainingRequest(const TrainingRequest& request, std::shared_ptr<const data::MnistData> data,
                                 std::optional<std::filesystem::path> runFolder, track::RunFolderUse use,
                                 const RequestCallbacks& callbacks, TrainingControl& control) {
    const auto epochLine = [&callbacks](RequestEpoch epoch) {
        if (callbacks.onEpoch) callbacks.onEpoch(epoch);
    };
    return std::visit(
        Overloaded{
            [&](const AutoencoderTrainingOptions& options) {
                TrainingCallbacks trainerCallbacks;
                trainerCallbacks.onBatch = callbacks.onBatch;
                trainerCallbacks.onEpoch = [&](const EpochReport& r) {
                    epochLine({r.epoch, r.epochs, r.seconds, r.improved,
                               format("train RMSE %.4f  val RMSE %.4f", r.trainRmse, r.validationRmse)});
                };
                AutoencoderTrainer trainer(options, data, std::move(runFolder), use);
                return resultOf(trainer.run(trainerCallbacks, control));
            },
            [&](const JudgeTrainingOptions& options) {
                JudgeTrainingCallbacks trainerCallbacks;
                trainerCallbacks.onBatch = callbacks.onBatch;
                trainerCallbacks.onEpoch = [&](const JudgeEpochReport& r) {
                    epochLine({r.epoch, r.epochs, r.seconds, r.improved,
                               format("train acc %.4f  val acc %.4f", r.trainAccuracy, r.validationAccuracy)});
                };
                JudgeTrainer trainer(options, data, std::move(runFolder), use);
                return resultOf(trainer.run(trainerCallbacks, control));
            },
            [&](const AdditionTrainingOptions& options) {
                AdditionTrainingCallbacks trainerCallbacks;
                trainerCallbacks.onWarmup = callbacks.onWarmup;
                if (callbacks.onBatch) {
                    trainerCallbacks.onBatch = [&](const AdditionBatchReport& r) { callbacks.onBatch(r.batch); };
                }
                trainerCallbacks.onEpoch = [&](const AdditionEpochReport& r) {
                    std::string numbers = format("val gen L2 %.5f  code spread %.3g", r.validation.generation, r.codeSpread);
                    if (r.validationAccuracy >= 0) numbers += format("  accuracy %.1f%%", 100.0 * r.validationAccuracy);
                    epochLine({r.epoch, r.epochs, r.seconds, r.improved, numbers});
                };
                AdditionTrainer trainer(options, data, std::move(runFolder), use);
                return resultOf(trainer.run(trainerCallbacks, control));
            }},
        request);
}

}  // namespace learn2add::train
