#include "train/AdditionTrainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "common/TorchRuntime.h"
#include "data/AdditionPairs.h"
#include "data/DigitTensors.h"
#include "track/EventFileWriter.h"
#include "track/RunFolder.h"
#include "train/AdditionLoss.h"
#include "train/Checkpoint.h"
#include "train/CodePrototypes.h"
#include "train/DataConfig.h"
#include "train/EpochOrder.h"

namespace learn2add::train {
namespace {

constexpr std::int64_t kAdditionEvaluationBatch = 250;

double codeSpread(const torch::Tensor& codes) {
    return codes.size(0) > 1 ? codes.detach().std(0).mean().item<double>() : 0.0;
}

struct Validation {
    AdditionLossTerms terms;
    double spread = 0.0;
};

// The guided recipe's supervision over one split (see AdditionTrainingOptions.h): the digit probe
// and the code prototypes (both shared by the splits; either may be absent) and the digits of the
// split's images.
struct Guidance {
    torch::nn::Linear probe{nullptr};
    std::shared_ptr<CodePrototypes> prototypes;
    torch::Tensor digits;  // [images] int64

    // For pairs whose inputs and expected images are at these positions of the split.
    std::optional<GuidedSupervision> forPairs(const torch::Tensor& inputs,
                                              const torch::Tensor& outputs) const {
        if (probe.is_empty() && !prototypes) return std::nullopt;
        GuidedSupervision guided;
        guided.probe = probe;
        if (!probe.is_empty()) guided.digits = digits.index_select(0, inputs);
        if (prototypes) guided.targetCodes = prototypes->of(digits.index_select(0, outputs));
        return guided;
    }
};

// Codes of every image, in eval mode and without gradients (then back to training mode).
torch::Tensor encodeAll(models::AdditionModel& model, const torch::Tensor& images) {
    torch::NoGradGuard noGrad;
    model->eval();
    std::vector<torch::Tensor> chunks;
    for (std::int64_t begin = 0; begin < images.size(0); begin += kAdditionEvaluationBatch) {
        chunks.push_back(
            model->autoencoder()->encode(images.slice(0, begin, begin + kAdditionEvaluationBatch)));
    }
    model->train();
    return torch::cat(chunks);
}

void addTerms(AdditionLossTerms& sums, const AdditionBatchLoss& loss, double weight) {
    sums.total += loss.total.item<double>() * weight;
    sums.reconstruction += loss.reconstruction.item<double>() * weight;
    sums.generation += loss.generation.item<double>() * weight;
    sums.code += loss.code.item<double>() * weight;
    sums.digit += loss.digit.item<double>() * weight;
    sums.kl += loss.kl.item<double>() * weight;
}

Validation validate(models::AdditionModel& model, const AdditionTrainingOptions& options,
                    const torch::Tensor& images, const data::PairIndex& pairs, const Guidance& guidance) {
    torch::NoGradGuard noGrad;
    model->eval();
    Validation result;
    const std::int64_t n = pairs.size();
    for (std::int64_t begin = 0; begin < n; begin += kAdditionEvaluationBatch) {
        const std::int64_t end = std::min(n, begin + kAdditionEvaluationBatch);
        const torch::Tensor x = images.index_select(0, pairs.input.slice(0, begin, end));
        const torch::Tensor y = images.index_select(0, pairs.output.slice(0, begin, end));
        const auto guided =
            guidance.forPairs(pairs.input.slice(0, begin, end), pairs.output.slice(0, begin, end));
        const AdditionBatchLoss loss = additionBatchLoss(
            model, options, x, pairs.addend.slice(0, begin, end), y, guided ? &*guided : nullptr);
        addTerms(result.terms, loss, static_cast<double>(end - begin) / static_cast<double>(n));
    }
    result.spread = codeSpread(encodeAll(model, images));
    return result;
}

const data::DigitSet& splitNamed(const data::MnistData& data, const std::string& name) {
    if (name == "test") return data.test;
    if (name == "validation") return data.validation;
    return data.train;
}

// maxBatchesPerEpoch bounds the warm-up's epochs and passes too.
bool batchLimitReached(const AdditionTrainingOptions& options, std::int64_t batch) {
    return options.maxBatchesPerEpoch() > 0 && batch >= options.maxBatchesPerEpoch();
}

// Stage 1 of the warm-up: E and D reconstruct the train images (L2), with the digit probe on the
// codes when the recipe uses it.
double warmUpAutoencoder(models::Autoencoder autoencoder, const torch::Tensor& images,
                         const Guidance& guidance, const AdditionTrainingOptions& options,
                         TrainingControl& control) {
    std::vector<torch::Tensor> parameters = autoencoder->parameters();
    if (!guidance.probe.is_empty()) {
        for (const auto& p : guidance.probe->parameters()) parameters.push_back(p);
    }
    torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(options.learningRate()));
    const std::int64_t n = images.size(0);
    double last = 0.0;
    for (int epoch = 1; epoch <= options.autoencoderWarmupEpochs(); ++epoch) {
        const torch::Tensor order = epochOrder(n, options.seed() + 17, epoch);
        for (std::int64_t begin = 0, b = 0; begin < n && !batchLimitReached(options, b);
             begin += options.batchSize(), ++b) {
            if (!control.waitWhilePaused()) return last;
            const torch::Tensor index = order.slice(0, begin, begin + options.batchSize());
            const torch::Tensor x = images.index_select(0, index);
            const auto guided = guidance.forPairs(index, index);
            const torch::Tensor loss =
                autoencoderWarmupLoss(autoencoder, options, x, guided ? &*guided : nullptr);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            last = loss.item<double>();
        }
    }
    return last;
}

// Stage 2: P alone maps (E(x), u) to E(y) (or to the prototype of y's digit), on the codes of the
// train images computed once (E and D do not change).
double warmUpAdder(models::AdditionModel& model, const torch::Tensor& codes, const Guidance& guidance,
                   const data::PairIndex& pairs, const AdditionTrainingOptions& options,
                   TrainingControl& control) {
    const torch::Tensor from = codes.index_select(0, pairs.input);
    const torch::Tensor to = guidance.prototypes
                                 ? guidance.prototypes->of(guidance.digits.index_select(0, pairs.output))
                                 : codes.index_select(0, pairs.output);
    torch::optim::Adam optimizer(model->adder()->parameters(),
                                 torch::optim::AdamOptions(options.learningRate()));
    const std::int64_t n = pairs.size();
    double sum = 0.0;
    std::int64_t count = 0;
    for (int pass = 1; pass <= options.adderWarmupPasses(); ++pass) {
        if (!control.waitWhilePaused()) break;
        const torch::Tensor order = epochOrder(n, options.seed() + 29, pass);
        sum = 0.0;
        count = 0;
        for (std::int64_t begin = 0, b = 0; begin < n && !batchLimitReached(options, b);
             begin += options.batchSize(), ++b) {
            const torch::Tensor index = order.slice(0, begin, begin + options.batchSize());
            models::AdditionMlp adder = model->adder();
            const torch::Tensor loss =
                adderCodeLoss(adder, from.index_select(0, index),
                              pairs.addend.index_select(0, index), to.index_select(0, index));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            sum += loss.item<double>() * static_cast<double>(index.size(0));
            count += index.size(0);
        }
    }
    return count > 0 ? sum / static_cast<double>(count) : 0.0;
}

std::string fixed(double value, int digits) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

}  // namespace

std::array<GridInput, infer::kDigits> defaultGridInputs(const data::MnistData& data) {
    std::array<GridInput, infer::kDigits> inputs;
    for (int digit = 0; digit < infer::kDigits; ++digit) {
        for (const char* split : {"test", "validation", "train"}) {
            const auto positions = splitNamed(data, split).indicesOf(digit);
            if (!positions.empty()) {
                inputs[static_cast<std::size_t>(digit)] = {split, positions.front()};
                break;
            }
        }
    }
    return inputs;
}

torch::Tensor gridInputImages(const data::MnistData& data,
                              const std::array<GridInput, infer::kDigits>& inputs, int size) {
    std::vector<torch::Tensor> images;
    for (const GridInput& input : inputs) {
        const std::size_t index[] = {input.index};
        images.push_back(data::imagesToTensor(splitNamed(data, input.split), index, size));
    }
    return torch::cat(images);
}

models::DigitJudge loadJudge(const std::filesystem::path& judgeRun) {
    models::DigitJudge judge;
    loadCheckpoint(judgeRun / "best.pt", *judge,
                   {"judge", "cnn", models::DigitJudgeImpl::kClasses, 0, 0.0});
    judge->eval();
    return judge;
}

nlohmann::json additionRunConfig(const AdditionTrainingOptions& options, const data::MnistData& data) {
    return {{"kind", models::toString(options.variant())},
            {"decoder", models::toString(options.decoder())},
            {"code_size", options.codeSize()},
            {"recipe", toString(options.recipe())},
            {"reconstruction_weight", options.reconstructionWeight()},
            {"code_weight", options.codeWeight()},
            {"digit_weight", options.effectiveDigitWeight()},
            {"code_target", options.usesPrototypes() ? "prototype" : "sample"},
            {"kl_weight", models::hasVariationalEncoder(options.variant()) ? options.klWeight() : 0.0},
            {"code_term", options.codeTermTrainsAdderOnly() ? "trains P only (stop-gradient on both codes)"
                                                         : "trains E and P (the assignment)"},
            {"epochs", options.epochs()},
            {"batch_size", options.batchSize()},
            {"learning_rate", options.learningRate()},
            {"optimizer", "adam"},
            {"seed", options.seed()},
            {"threads", options.threads()},
            {"max_batches_per_epoch", options.maxBatchesPerEpoch()},
            {"early_stopping_patience", options.earlyStoppingPatience()},
            {"autoencoder_warmup_epochs", options.autoencoderWarmupEpochs()},
            {"adder_warmup_passes", options.adderWarmupPasses()},
            {"init_run", options.initRun().empty() ? nlohmann::json(nullptr)
                                                   : nlohmann::json(options.initRun().string())},
            {"judge_run", options.judgeRun().empty() ? nlohmann::json(nullptr)
                                                     : nlohmann::json(options.judgeRun().string())},
            {"data", dataConfig(data)},
            {"learn2add_version", LEARN2ADD_VERSION}};
}

AdditionTrainer::AdditionTrainer(AdditionTrainingOptions options,
                                 std::shared_ptr<const data::MnistData> data,
                                 std::optional<std::filesystem::path> runFolder)
    : options_(std::move(options)), data_(std::move(data)), runFolder_(std::move(runFolder)) {}

AdditionTrainingResult AdditionTrainer::run(const AdditionTrainingCallbacks& callbacks,
                                            TrainingControl& control) {
    const auto start = Clock::now();  // elapsed times include loading and the warm-up
    options_.validate();
    if (!data_ || data_->train.empty() || data_->validation.empty()) {
        throw std::invalid_argument("training needs a non-empty train and validation split");
    }
    configureTorchThreads(options_.threads());
    torch::manual_seed(options_.seed());
    model_ = models::AdditionModel(models::AdditionModelOptions()
                                       .decoder(options_.decoder())
                                       .codeSize(options_.codeSize())
                                       .variant(options_.variant()));
    const std::string decoderName = models::toString(options_.decoder());
    // Both optional inputs are read before anything is written: a wrong path loses nothing.
    if (!options_.initRun().empty()) {
        loadCheckpoint(options_.initRun() / "best.pt", *model_->autoencoder(),
                       {"autoencoder", decoderName, options_.codeSize(), 0, 0.0});
    }
    std::optional<models::DigitJudge> judge;
    if (!options_.judgeRun().empty()) judge = loadJudge(options_.judgeRun());

    std::optional<track::RunFolder> run;
    std::optional<track::EventFileWriter> events;
    if (runFolder_) {
        run = track::RunFolder::create(*runFolder_);
        run->writeConfig(additionRunConfig(options_, *data_));
        events.emplace(*runFolder_);
    }
    Guidance trainGuidance;
    std::vector<torch::Tensor> parameters = model_->parameters();
    if (options_.effectiveDigitWeight() > 0.0) {
        trainGuidance.probe = makeDigitProbe(options_.codeSize());
        for (const auto& p : trainGuidance.probe->parameters()) parameters.push_back(p);
    }
    trainGuidance.digits = data::labelsToTensor(data_->train);
    torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(options_.learningRate()));
    const CheckpointInfo checkpointInfo{models::toString(options_.variant()), decoderName,
                                        options_.codeSize(), 0, 0.0};

    const int size = static_cast<int>(model_->imageSize());
    const torch::Tensor train = data::imagesToTensor(data_->train, size);
    const torch::Tensor validation = data::imagesToTensor(data_->validation, size);
    const torch::Tensor validationLabels = data::labelsToTensor(data_->validation);
    const data::PairIndex trainPairs = data::pairIndex(data::buildAdditionPairs(data_->train, options_.seed()));
    const data::PairIndex validationPairs =
        data::pairIndex(data::buildAdditionPairs(data_->validation, options_.seed()));
    const torch::Tensor gridImages = gridInputImages(*data_, defaultGridInputs(*data_), size);

    if (options_.codeTermTrainsAdderOnly()) {
        const auto warmupStart = Clock::now();
        if (options_.initRun().empty() && options_.autoencoderWarmupEpochs() > 0) {
            const double loss = warmUpAutoencoder(model_->autoencoder(), train, trainGuidance, options_, control);
            if (callbacks.onWarmup) {
                callbacks.onWarmup("warm-up 1/2: " + std::to_string(options_.autoencoderWarmupEpochs()) +
                                   " epochs of reconstruction, last batch's loss " + fixed(loss, 5) + ", " +
                                   fixed(secondsBetween(warmupStart, Clock::now()), 1) + " s");
            }
        }
    }
    // The prototypes start from the codes the (warmed-up) encoder gives now.
    const torch::Tensor trainCodes = encodeAll(model_, train);
    if (options_.usesPrototypes()) {
        trainGuidance.prototypes = std::make_shared<CodePrototypes>(
            CodePrototypes::fromCodes(trainCodes, trainGuidance.digits));
    }
    if (options_.codeTermTrainsAdderOnly() && options_.adderWarmupPasses() > 0) {
        const auto adderStart = Clock::now();
        const double loss = warmUpAdder(model_, trainCodes, trainGuidance, trainPairs, options_, control);
        if (callbacks.onWarmup) {
            callbacks.onWarmup("warm-up 2/2: " + std::to_string(options_.adderWarmupPasses()) +
                               " passes of P over the pairs' codes, code " +
                               (trainGuidance.prototypes ? "L2 to the prototypes "
                                : (models::hasGenerativeAdder(options_.variant())
                                       ? "Gaussian NLL per dimension "
                                       : "L2 ")) +
                               fixed(loss, 4) + ", " +
                               fixed(secondsBetween(adderStart, Clock::now()), 1) + " s");
        }
    }
    Guidance validationGuidance = trainGuidance;
    validationGuidance.digits = validationLabels;

    const std::int64_t n = trainPairs.size();
    const std::int64_t batchSize = options_.batchSize();
    std::int64_t batches = (n + batchSize - 1) / batchSize;
    if (options_.maxBatchesPerEpoch() > 0) {
        batches = std::min<std::int64_t>(batches, options_.maxBatchesPerEpoch());
    }

    AdditionTrainingResult result;
    double bestMetric = std::numeric_limits<double>::infinity();
    double trainingSeconds = 0.0;
    std::int64_t pairsTrained = 0;
    int epochsWithoutImprovement = 0;
    const auto saveBoth = [&](std::int64_t epoch, double metric, bool best) {
        if (!run) return;
        CheckpointInfo info = checkpointInfo;
        info.epoch = epoch;
        info.validationLoss = metric;
        if (best) saveCheckpoint(run->bestCheckpointPath(), *model_, info);
        saveCheckpoint(run->lastCheckpointPath(), *model_, info);
    };
    const auto finish = [&](TrainingResult::Status status, std::string message) {
        result.status = status;
        result.message = std::move(message);
        if (result.bestEpoch == 0 && run) saveBoth(0, std::nan(""), true);  // a valid best.pt always
        result.secondsPerEpoch =
            result.epochsRun > 0 ? secondsBetween(start, Clock::now()) / result.epochsRun : 0.0;
        result.pairsPerSecond =
            trainingSeconds > 0 ? static_cast<double>(pairsTrained) / trainingSeconds : 0.0;
        if (events) events->flush();
        return result;
    };

    model_->train();
    const auto loopStart = Clock::now();  // for the ETA: the warm-up is over
    for (int epoch = 1; epoch <= options_.epochs(); ++epoch) {
        const auto epochStart = Clock::now();
        const torch::Tensor order = epochOrder(n, options_.seed(), epoch);
        AdditionLossTerms sums;
        std::int64_t epochPairs = 0;
        double epochSeconds = 0.0;
        for (std::int64_t b = 0; b < batches; ++b) {
            if (!control.waitWhilePaused()) {
                return finish(TrainingResult::Status::Cancelled, "stopped by the user");
            }
            const auto batchStart = Clock::now();
            const torch::Tensor index = order.slice(0, b * batchSize, std::min(n, (b + 1) * batchSize));
            const torch::Tensor x = train.index_select(0, trainPairs.input.index_select(0, index));
            const torch::Tensor y = train.index_select(0, trainPairs.output.index_select(0, index));
            const torch::Tensor u = trainPairs.addend.index_select(0, index);
            const torch::Tensor outputs = trainPairs.output.index_select(0, index);
            const auto guided =
                trainGuidance.forPairs(trainPairs.input.index_select(0, index), outputs);
            const AdditionBatchLoss loss =
                additionBatchLoss(model_, options_, x, u, y, guided ? &*guided : nullptr);
            AdditionBatchReport report;
            addTerms(report.terms, loss, 1.0);
            if (!std::isfinite(report.terms.total)) {
                return finish(
                    TrainingResult::Status::Diverged,
                    "the training loss became " +
                        std::string(std::isnan(report.terms.total) ? "NaN" : "infinite") +
                        " at epoch " + std::to_string(epoch) + ", batch " + std::to_string(b + 1) +
                        "; training stopped" +
                        (result.bestEpoch > 0
                             ? " and best.pt (epoch " + std::to_string(result.bestEpoch) + ") is kept"
                             : "") +
                        ". Try a lower learning rate.");
            }
            optimizer.zero_grad();
            loss.total.backward();
            optimizer.step();
            if (trainGuidance.prototypes) {
                trainGuidance.prototypes->update(loss.targetCodes,
                                                 trainGuidance.digits.index_select(0, outputs));
            }
            const double count = static_cast<double>(x.size(0));
            sums.total += report.terms.total * count;
            sums.reconstruction += report.terms.reconstruction * count;
            sums.generation += report.terms.generation * count;
            sums.code += report.terms.code * count;
            sums.digit += report.terms.digit * count;
            sums.kl += report.terms.kl * count;
            epochPairs += x.size(0);
            epochSeconds += secondsBetween(batchStart, Clock::now());
            if (callbacks.onBatch) {
                report.codeSpread = codeSpread(loss.inputCodes);
                report.batch = batchReport(epoch, options_.epochs(), b, batches, report.terms.total,
                                           start, loopStart);
                callbacks.onBatch(report);
            }
        }
        trainingSeconds += epochSeconds;
        pairsTrained += epochPairs;

        AdditionEpochReport report;
        report.epoch = epoch;
        report.epochs = options_.epochs();
        const double seen = static_cast<double>(epochPairs);
        report.train = {sums.total / seen, sums.reconstruction / seen, sums.generation / seen,
                        sums.code / seen, sums.digit / seen, sums.kl / seen};
        // The evaluation takes seconds: a stop requested meanwhile is honoured between its parts.
        const auto stopped = [&] { return control.cancelRequested(); };
        if (stopped()) return finish(TrainingResult::Status::Cancelled, "stopped by the user");
        const Validation checked = validate(model_, options_, validation, validationPairs, validationGuidance);
        if (stopped()) return finish(TrainingResult::Status::Cancelled, "stopped by the user");
        report.validation = checked.terms;
        report.codeSpread = checked.spread;
        if (judge) {
            report.validationAccuracy =
                infer::measureAdditionAccuracy(model_, *judge, validation, validationLabels).overall;
        }
        if (stopped()) return finish(TrainingResult::Status::Cancelled, "stopped by the user");
        report.grid = infer::computeAdditionGrid(model_, gridImages, judge ? &*judge : nullptr);
        report.pairsPerSecond = seen / epochSeconds;
        report.improved = report.validation.generation < bestMetric;
        if (report.improved) {
            bestMetric = report.validation.generation;
            result.bestEpoch = epoch;
            result.bestValidationGeneration = report.validation.generation;
            result.bestValidationAccuracy = report.validationAccuracy;
            epochsWithoutImprovement = 0;
        } else {
            ++epochsWithoutImprovement;
        }
        saveBoth(epoch, report.validation.generation, report.improved);
        report.bestEpoch = result.bestEpoch;
        report.seconds = secondsBetween(epochStart, Clock::now());
        report.elapsedSeconds = secondsBetween(start, Clock::now());
        result.epochsRun = epoch;

        if (run) {
            track::MetricsRow row{{"epoch", epoch},
                                  {"train_loss", report.train.total},
                                  {"train_reconstruction", report.train.reconstruction},
                                  {"train_generation", report.train.generation},
                                  {"train_code", report.train.code},
                                  {"validation_loss", report.validation.total},
                                  {"validation_reconstruction", report.validation.reconstruction},
                                  {"validation_generation", report.validation.generation},
                                  {"validation_code", report.validation.code},
                                  {"train_digit", report.train.digit},
                                  {"validation_digit", report.validation.digit},
                                  {"train_kl", report.train.kl},
                                  {"validation_kl", report.validation.kl},
                                  {"code_spread", report.codeSpread}};
            if (judge) {
                row.emplace_back("validation_accuracy", report.validationAccuracy);
                row.emplace_back("grid_correct", report.grid.correctCells());
            }
            row.emplace_back("best_epoch", report.bestEpoch);
            row.emplace_back("seconds", report.seconds);
            row.emplace_back("elapsed_seconds", report.elapsedSeconds);
            row.emplace_back("pairs_per_second", report.pairsPerSecond);
            run->appendMetrics(row);
            for (const auto& [split, terms] :
                 {std::pair{"train", report.train}, std::pair{"validation", report.validation}}) {
                const std::string s = split;
                events->addScalar("loss/" + s + "/total", epoch, static_cast<float>(terms.total));
                events->addScalar("loss/" + s + "/reconstruction", epoch,
                                  static_cast<float>(terms.reconstruction));
                events->addScalar("loss/" + s + "/generation", epoch,
                                  static_cast<float>(terms.generation));
                events->addScalar("loss/" + s + "/code", epoch, static_cast<float>(terms.code));
                if (options_.effectiveDigitWeight() > 0.0) {
                    events->addScalar("loss/" + s + "/digit", epoch, static_cast<float>(terms.digit));
                }
                if (models::hasVariationalEncoder(options_.variant())) {
                    events->addScalar("loss/" + s + "/kl", epoch, static_cast<float>(terms.kl));
                }
            }
            events->addScalar("codes/spread", epoch, static_cast<float>(report.codeSpread));
            if (judge) {
                events->addScalar("accuracy/validation", epoch,
                                  static_cast<float>(report.validationAccuracy));
            }
            events->addScalar("speed/pairs_per_second", epoch,
                              static_cast<float>(report.pairsPerSecond));
            const int side = report.grid.cellSize * infer::kDigits;
            events->addImage("digit_by_addend_grid", epoch, side, side, 1, report.grid.canvas);
            events->flush();
        }
        if (callbacks.onEpoch) callbacks.onEpoch(report);
        if (options_.earlyStoppingPatience() > 0 &&
            epochsWithoutImprovement >= options_.earlyStoppingPatience()) {
            return finish(TrainingResult::Status::EarlyStopped,
                          "no better validation metric for " +
                              std::to_string(epochsWithoutImprovement) + " epochs");
        }
    }
    return finish(TrainingResult::Status::Finished, "");
}

}  // namespace learn2add::train
