#include "train/AdditionTrainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "common/TorchRuntime.h"
#include "data/AdditionPairs.h"
#include "data/DigitTensors.h"
#include "train/AdditionLoss.h"
#include "train/Checkpoint.h"
#include "train/CodePrototypes.h"
#include "train/DataConfig.h"
#include "train/EpochOrder.h"
#include "train/TrainingLoop.h"

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

nlohmann::json additionRecipeConfig(const AdditionTrainingOptions& options) {
    nlohmann::json config;
    config["recipe"] = toString(options.recipe());
    config["reconstruction_weight"] = options.reconstructionWeight();
    config["code_weight"] = options.codeWeight();
    config["digit_weight"] = options.effectiveDigitWeight();
    config["code_target"] = options.usesPrototypes() ? "prototype" : "sample";
    config["kl_weight"] = models::hasVariationalEncoder(options.variant()) ? options.klWeight() : 0.0;
    config["code_term"] = options.codeTermTrainsAdderOnly()
                              ? "trains P only (stop-gradient on both codes)"
                              : "trains E and P (the assignment)";
    config["autoencoder_warmup_epochs"] = options.autoencoderWarmupEpochs();
    config["adder_warmup_passes"] = options.adderWarmupPasses();
    // Only when not constant: a run from before the setting and a constant one read the same.
    if (options.learningRateSchedule() != LearningRateSchedule::Constant) {
        config["lr_schedule"] = toString(options.learningRateSchedule());
    }
    return config;
}

nlohmann::json additionRunConfig(const AdditionTrainingOptions& options, const data::MnistData& data) {
    nlohmann::json config = sharedRunConfig(options, data);
    config["kind"] = models::toString(options.variant());
    config["decoder"] = models::toString(options.decoder());
    config["code_size"] = options.codeSize();
    config.update(additionRecipeConfig(options));
    const auto pathOrNull = [](const std::filesystem::path& path) {
        return path.empty() ? nlohmann::json(nullptr) : nlohmann::json(path.string());
    };
    config["init_run"] = pathOrNull(options.initRun());
    config["judge_run"] = pathOrNull(options.judgeRun());
    // Only when set: a run from before the setting and a default one read the same.
    if (!options.heldOut().empty()) config["held_out"] = options.heldOut().toString();
    return config;
}

namespace {

// The addition model's part of the training loop: the warm-ups, batches of pairs with every loss
// term, the prototypes' moving average, and each epoch's validation terms, accuracy and grid.
class AdditionSteps final : public TrainingSteps {
public:
    AdditionSteps(models::AdditionModel model, const AdditionTrainingOptions& options,
                  const data::MnistData& data, const AdditionTrainingCallbacks& callbacks,
                  std::optional<models::DigitJudge> judge)
        : model_(std::move(model)), options_(options), callbacks_(callbacks), judge_(std::move(judge)) {
        if (options_.effectiveDigitWeight() > 0.0) guidance_.probe = makeDigitProbe(options_.codeSize());
        guidance_.digits = data::labelsToTensor(data.train);
        const int size = static_cast<int>(model_->imageSize());
        train_ = data::imagesToTensor(data.train, size);
        validation_ = data::imagesToTensor(data.validation, size);
        validationLabels_ = data::labelsToTensor(data.validation);
        trainPairs_ = data::pairIndex(data::withoutHeldOutCells(
            data::buildAdditionPairs(data.train, options_.seed()), data.train, options_.heldOut()));
        // The validation L2 picks best.pt: held-out cells take no part in choosing the model either.
        validationPairs_ = data::pairIndex(data::withoutHeldOutCells(
            data::buildAdditionPairs(data.validation, options_.seed()), data.validation, options_.heldOut()));
        gridImages_ = gridInputImages(data, defaultGridInputs(data), size);
    }

    torch::nn::Module& model() override { return *model_; }
    CheckpointInfo checkpointInfo() const override {
        return {models::toString(options_.variant()), models::toString(options_.decoder()),
                options_.codeSize(), 0, 0.0};
    }
    std::vector<torch::Tensor> parameters() override {
        std::vector<torch::Tensor> parameters = model_->parameters();
        if (!guidance_.probe.is_empty()) {
            for (const auto& p : guidance_.probe->parameters()) parameters.push_back(p);
        }
        return parameters;
    }
    std::int64_t examples() const override { return trainPairs_.size(); }

    void prepare(TrainingControl& control) override {
        const auto stepsPerPass = [this](std::int64_t examples) {
            const std::int64_t all = (examples + options_.batchSize() - 1) / options_.batchSize();
            const int limit = options_.maxBatchesPerEpoch();
            return std::pair{limit > 0 ? std::min<std::int64_t>(all, limit) : all, all};
        };
        const auto report = [&](std::string line, Clock::time_point start, int passes, std::int64_t examples) {
            if (!callbacks_.onWarmup) return;
            const double seconds = secondsBetween(start, Clock::now());
            const auto [bounded, all] = stepsPerPass(examples);
            callbacks_.onWarmup({line + ", " + fixed(seconds, 1) + " s", seconds, passes, passes * bounded, all});
        };
        if (options_.codeTermTrainsAdderOnly() && options_.initRun().empty() &&
            options_.autoencoderWarmupEpochs() > 0) {
            const auto warmupStart = Clock::now();
            const double loss = warmUpAutoencoder(model_->autoencoder(), train_, guidance_, options_, control);
            report("warm-up 1/2: " + std::to_string(options_.autoencoderWarmupEpochs()) +
                       " epochs of reconstruction, last batch's loss " + fixed(loss, 5),
                   warmupStart, options_.autoencoderWarmupEpochs(), train_.size(0));
        }
        // The prototypes start from the codes the (warmed-up) encoder gives now.
        const torch::Tensor trainCodes = encodeAll(model_, train_);
        if (options_.usesPrototypes()) {
            guidance_.prototypes = std::make_shared<CodePrototypes>(
                CodePrototypes::fromCodes(trainCodes, guidance_.digits));
        }
        if (options_.codeTermTrainsAdderOnly() && options_.adderWarmupPasses() > 0) {
            const auto adderStart = Clock::now();
            const double loss = warmUpAdder(model_, trainCodes, guidance_, trainPairs_, options_, control);
            report("warm-up 2/2: " + std::to_string(options_.adderWarmupPasses()) +
                       " passes of P over the pairs' codes, code " +
                       (guidance_.prototypes ? "L2 to the prototypes "
                        : (models::hasGenerativeAdder(options_.variant()) ? "Gaussian NLL per dimension " : "L2 ")) +
                       fixed(loss, 4),
                   adderStart, options_.adderWarmupPasses(), trainPairs_.size());
        }
    }

    void beginEpoch(int /*epoch*/) override {
        sums_ = AdditionLossTerms();
        seen_ = 0;
    }

    torch::Tensor batchLoss(const torch::Tensor& positions) override {
        const torch::Tensor inputs = trainPairs_.input.index_select(0, positions);
        outputs_ = trainPairs_.output.index_select(0, positions);
        const torch::Tensor x = train_.index_select(0, inputs);
        const torch::Tensor y = train_.index_select(0, outputs_);
        const torch::Tensor u = trainPairs_.addend.index_select(0, positions);
        const auto guided = guidance_.forPairs(inputs, outputs_);
        loss_ = additionBatchLoss(model_, options_, x, u, y, guided ? &*guided : nullptr);
        return loss_.total;
    }

    void afterStep(const BatchReport& at, std::int64_t batchExamples) override {
        if (guidance_.prototypes) {
            guidance_.prototypes->update(loss_.targetCodes, guidance_.digits.index_select(0, outputs_));
        }
        AdditionBatchReport report;
        addTerms(report.terms, loss_, 1.0);
        addTerms(sums_, loss_, static_cast<double>(batchExamples));
        seen_ += batchExamples;
        if (callbacks_.onBatch) {
            report.codeSpread = codeSpread(loss_.inputCodes);
            report.batch = at;
            callbacks_.onBatch(report);
        }
    }

    std::optional<EpochRecord> evaluate(int epoch, const TrainingControl& control) override {
        report_ = AdditionEpochReport();
        report_.epoch = epoch;
        report_.epochs = options_.epochs();
        const double seen = static_cast<double>(seen_);
        report_.train = {sums_.total / seen, sums_.reconstruction / seen, sums_.generation / seen,
                         sums_.code / seen, sums_.digit / seen, sums_.kl / seen};
        Guidance validationGuidance = guidance_;
        validationGuidance.digits = validationLabels_;
        const Validation checked = validate(model_, options_, validation_, validationPairs_, validationGuidance);
        if (control.cancelRequested()) return std::nullopt;
        report_.validation = checked.terms;
        report_.codeSpread = checked.spread;
        if (judge_) {
            report_.validationAccuracy =
                infer::measureAdditionAccuracy(model_, *judge_, validation_, validationLabels_).overall;
        }
        if (control.cancelRequested()) return std::nullopt;
        report_.grid = infer::computeAdditionGrid(model_, gridImages_, judge_ ? &*judge_ : nullptr);
        return record();
    }

    void epochEnded(const EpochSummary& summary) override {
        report_.improved = summary.improved;
        report_.bestEpoch = summary.bestEpoch;
        report_.seconds = summary.seconds;
        report_.elapsedSeconds = summary.elapsedSeconds;
        report_.pairsPerSecond = summary.examplesPerSecond;
        if (summary.improved) bestValidationAccuracy_ = report_.validationAccuracy;
        if (callbacks_.onEpoch) callbacks_.onEpoch(report_);
    }

    void saveState(torch::serialize::OutputArchive& archive) const override {
        if (!guidance_.probe.is_empty()) {
            torch::serialize::OutputArchive probe;
            guidance_.probe->save(probe);
            archive.write("probe", probe);
        }
        if (guidance_.prototypes) archive.write("prototypes", guidance_.prototypes->table());
        archive.write("best_validation_accuracy", c10::IValue(bestValidationAccuracy_));
    }
    void loadState(torch::serialize::InputArchive& archive) override {
        if (!guidance_.probe.is_empty()) {
            torch::serialize::InputArchive probe;
            archive.read("probe", probe);
            guidance_.probe->load(probe);
        }
        if (options_.usesPrototypes()) {
            torch::Tensor table;
            archive.read("prototypes", table);
            guidance_.prototypes = std::make_shared<CodePrototypes>(CodePrototypes::fromTable(table));
        }
        c10::IValue value;
        archive.read("best_validation_accuracy", value);
        bestValidationAccuracy_ = value.toDouble();
    }

    double bestValidationAccuracy() const { return bestValidationAccuracy_; }

private:
    EpochRecord record() const {
        EpochRecord record;
        record.metric = report_.validation.generation;
        record.columns = {{"train_loss", report_.train.total},
                          {"train_reconstruction", report_.train.reconstruction},
                          {"train_generation", report_.train.generation},
                          {"train_code", report_.train.code},
                          {"validation_loss", report_.validation.total},
                          {"validation_reconstruction", report_.validation.reconstruction},
                          {"validation_generation", report_.validation.generation},
                          {"validation_code", report_.validation.code},
                          {"train_digit", report_.train.digit},
                          {"validation_digit", report_.validation.digit},
                          {"train_kl", report_.train.kl},
                          {"validation_kl", report_.validation.kl},
                          {"code_spread", report_.codeSpread}};
        if (judge_) {
            record.columns.emplace_back("validation_accuracy", report_.validationAccuracy);
            record.columns.emplace_back("grid_correct", report_.grid.correctCells());
        }
        for (const auto& [split, terms] :
             {std::pair{"train", report_.train}, std::pair{"validation", report_.validation}}) {
            const std::string s = split;
            record.scalars.emplace_back("loss/" + s + "/total", terms.total);
            record.scalars.emplace_back("loss/" + s + "/reconstruction", terms.reconstruction);
            record.scalars.emplace_back("loss/" + s + "/generation", terms.generation);
            record.scalars.emplace_back("loss/" + s + "/code", terms.code);
            if (options_.effectiveDigitWeight() > 0.0) {
                record.scalars.emplace_back("loss/" + s + "/digit", terms.digit);
            }
            if (models::hasVariationalEncoder(options_.variant())) {
                record.scalars.emplace_back("loss/" + s + "/kl", terms.kl);
            }
        }
        record.scalars.emplace_back("codes/spread", report_.codeSpread);
        if (judge_) record.scalars.emplace_back("accuracy/validation", report_.validationAccuracy);
        const int side = report_.grid.cellSize * infer::kDigits;
        record.images.push_back({"digit_by_addend_grid", side, side, report_.grid.canvas});
        return record;
    }

    models::AdditionModel model_;
    const AdditionTrainingOptions& options_;
    const AdditionTrainingCallbacks& callbacks_;
    std::optional<models::DigitJudge> judge_;
    Guidance guidance_;
    torch::Tensor train_, validation_, validationLabels_, gridImages_;
    data::PairIndex trainPairs_, validationPairs_;
    AdditionLossTerms sums_;
    std::int64_t seen_ = 0;
    torch::Tensor outputs_;
    AdditionBatchLoss loss_;
    AdditionEpochReport report_;
    double bestValidationAccuracy_ = -1.0;
};

}  // namespace

AdditionTrainer::AdditionTrainer(AdditionTrainingOptions options,
                                 std::shared_ptr<const data::MnistData> data,
                                 std::optional<std::filesystem::path> runFolder,
                                 track::RunFolderUse use)
    : options_(std::move(options)), data_(std::move(data)), runFolder_(std::move(runFolder)), use_(use) {}

AdditionTrainingResult AdditionTrainer::run(const AdditionTrainingCallbacks& callbacks,
                                            TrainingControl& control) {
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
    // Both optional inputs are read before anything is written: a wrong path loses nothing.
    if (!options_.initRun().empty()) {
        loadCheckpoint(options_.initRun() / "best.pt", *model_->autoencoder(),
                       {"autoencoder", models::toString(options_.decoder()), options_.codeSize(), 0, 0.0});
    }
    std::optional<models::DigitJudge> judge;
    if (!options_.judgeRun().empty()) judge = loadJudge(options_.judgeRun());
    AdditionSteps steps(model_, options_, *data_, callbacks, std::move(judge));

    LoopSettings settings =
        loopSettingsOf(options_, runFolder_, use_, additionRunConfig(options_, *data_));
    settings.throughputColumn = "pairs_per_second";
    const LoopResult loop = runTrainingLoop(steps, settings, control);

    AdditionTrainingResult result;
    result.status = loop.status;
    result.message = loop.message;
    result.epochsRun = loop.epochsRun;
    result.bestEpoch = loop.bestEpoch;
    result.bestValidationGeneration = loop.bestEpoch > 0 ? loop.bestMetric : 0.0;
    result.bestValidationAccuracy = steps.bestValidationAccuracy();
    result.secondsPerEpoch = loop.secondsPerEpoch;
    result.pairsPerSecond = loop.examplesPerSecond;
    return result;
}

}  // namespace learn2add::train
