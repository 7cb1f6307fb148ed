#include "train/JudgeTrainer.h"

#include <torch/torch.h>

#include <cmath>
#include <stdexcept>

#include "common/SeededShuffle.h"
#include "common/TorchRuntime.h"
#include "data/DigitTensors.h"
#include "train/Checkpoint.h"
#include "train/DataConfig.h"
#include "train/EpochOrder.h"
#include "train/TrainingLimits.h"
#include "train/TrainingLoop.h"

namespace learn2add::train {
namespace {

constexpr std::int64_t kJudgeEvaluationBatch = 250;

const CheckpointInfo kJudgeCheckpoint{"judge", "cnn", models::DigitJudgeImpl::kClasses, 0, 0.0};

// Each image moved by its own random (dy, dx) in [-maxShift, maxShift]; MNIST digits have an empty
// border wider than 2 pixels, so rolling loses no ink.
torch::Tensor shifted(const torch::Tensor& images, int maxShift, SeededShuffle& random) {
    if (maxShift == 0) return images;
    std::vector<torch::Tensor> moved;
    moved.reserve(static_cast<std::size_t>(images.size(0)));
    const auto span = static_cast<std::uint64_t>(2 * maxShift + 1);
    for (std::int64_t i = 0; i < images.size(0); ++i) {
        const auto dy = static_cast<std::int64_t>(random.below(span)) - maxShift;
        const auto dx = static_cast<std::int64_t>(random.below(span)) - maxShift;
        moved.push_back(torch::roll(images[i], {dy, dx}, {1, 2}));
    }
    return torch::stack(moved);
}

}  // namespace

void JudgeTrainingOptions::validate() const {
    auto require = [](bool ok, const std::string& message) {
        if (!ok) throw std::invalid_argument(message);
    };
    require(epochs() >= 1, "epochs must be at least 1");
    require(batchSize() >= 1 && batchSize() <= kMaxBatchSize,
            "batch size must be between 1 and " + std::to_string(kMaxBatchSize));
    require(learningRate() > 0 && std::isfinite(learningRate()), "learning rate must be positive");
    require(threads() >= 1 && threads() <= 256, "threads must be between 1 and 256");
    require(maxShift() >= 0 && maxShift() <= 4, "max shift must be between 0 and 4 pixels");
    require(maxBatchesPerEpoch() >= 0, "max batches per epoch must be 0 (all) or more");
}

double judgeAccuracy(models::DigitJudge& judge, const torch::Tensor& images32,
                     const torch::Tensor& labels) {
    torch::NoGradGuard noGrad;
    const bool wasTraining = judge->is_training();
    judge->eval();
    std::int64_t correct = 0;
    const std::int64_t n = images32.size(0);
    for (std::int64_t begin = 0; begin < n; begin += kJudgeEvaluationBatch) {
        const std::int64_t end = std::min(n, begin + kJudgeEvaluationBatch);
        correct += judge->predict(images32.slice(0, begin, end))
                       .eq(labels.slice(0, begin, end))
                       .sum()
                       .item<std::int64_t>();
    }
    if (wasTraining) judge->train();
    return n > 0 ? static_cast<double>(correct) / static_cast<double>(n) : 0.0;
}

nlohmann::json judgeRunConfig(const JudgeTrainingOptions& options, const data::MnistData& data) {
    nlohmann::json config = sharedRunConfig(options, data);
    config["kind"] = "judge";
    config["max_shift"] = options.maxShift();
    return config;
}

JudgeTrainer::JudgeTrainer(JudgeTrainingOptions options, std::shared_ptr<const data::MnistData> data,
                           std::optional<std::filesystem::path> runFolder, track::RunFolderUse use)
    : options_(std::move(options)), data_(std::move(data)), runFolder_(std::move(runFolder)), use_(use) {}

namespace {

// The judge's part of the training loop: shifted batches, cross-entropy, the validation accuracy
// (highest is best); the best epoch's weights are kept and measured on the test split at the end.
class JudgeSteps final : public TrainingSteps {
public:
    JudgeSteps(models::DigitJudge model, const JudgeTrainingOptions& options,
               const data::MnistData& data, const JudgeTrainingCallbacks& callbacks,
               std::optional<std::filesystem::path> runFolder)
        : model_(std::move(model)), options_(options), data_(data), callbacks_(callbacks),
          runFolder_(std::move(runFolder)), shifts_(options.seed() ^ 0x5348494654ULL) {
        train_ = data::imagesToTensor(data.train, 32);
        trainLabels_ = data::labelsToTensor(data.train);
        validation_ = data::imagesToTensor(data.validation, 32);
        validationLabels_ = data::labelsToTensor(data.validation);
        best_ = std::dynamic_pointer_cast<models::DigitJudgeImpl>(model_->clone());
    }

    torch::nn::Module& model() override { return *model_; }
    CheckpointInfo checkpointInfo() const override { return kJudgeCheckpoint; }
    std::vector<torch::Tensor> parameters() override { return model_->parameters(); }
    std::int64_t examples() const override { return train_.size(0); }
    bool higherIsBetter() const override { return true; }

    void beginEpoch(int /*epoch*/) override {
        lossSum_ = 0.0;
        correct_ = 0;
        seen_ = 0;
    }

    torch::Tensor batchLoss(const torch::Tensor& positions) override {
        const torch::Tensor x = shifted(train_.index_select(0, positions), options_.maxShift(), shifts_);
        labels_ = trainLabels_.index_select(0, positions);
        logits_ = model_->forward(x);
        return torch::nn::functional::cross_entropy(logits_, labels_);
    }

    void afterStep(const BatchReport& at, std::int64_t batchExamples) override {
        lossSum_ += at.loss * static_cast<double>(batchExamples);
        correct_ += logits_.argmax(1).eq(labels_).sum().item<std::int64_t>();
        seen_ += batchExamples;
        if (callbacks_.onBatch) callbacks_.onBatch(at);
    }

    std::optional<EpochRecord> evaluate(int epoch, const TrainingControl& /*control*/) override {
        report_ = JudgeEpochReport();
        report_.epoch = epoch;
        report_.epochs = options_.epochs();
        report_.trainLoss = lossSum_ / static_cast<double>(seen_);
        report_.trainAccuracy = static_cast<double>(correct_) / static_cast<double>(seen_);
        report_.validationAccuracy = judgeAccuracy(model_, validation_, validationLabels_);
        EpochRecord record;
        record.metric = report_.validationAccuracy;
        record.columns = {{"train_loss", report_.trainLoss},
                          {"train_accuracy", report_.trainAccuracy},
                          {"validation_accuracy", report_.validationAccuracy}};
        record.scalars = {{"loss/train", report_.trainLoss},
                          {"accuracy/train", report_.trainAccuracy},
                          {"accuracy/validation", report_.validationAccuracy}};
        return record;
    }

    void epochEnded(const EpochSummary& summary) override {
        report_.improved = summary.improved;
        report_.seconds = summary.seconds;
        report_.imagesPerSecond = summary.examplesPerSecond;
        if (summary.improved) best_ = std::dynamic_pointer_cast<models::DigitJudgeImpl>(model_->clone());
        if (callbacks_.onEpoch) callbacks_.onEpoch(report_);
    }

    void finished(const LoopResult& result, nlohmann::json& config) override {
        model_ = best_;
        model_->eval();
        if (data_.test.size() > 0) {
            testAccuracy_ = judgeAccuracy(model_, data::imagesToTensor(data_.test, 32),
                                          data::labelsToTensor(data_.test));
        }
        if (result.bestEpoch > 0) {
            config["result"] = {{"best_epoch", result.bestEpoch},
                                {"validation_accuracy", result.bestMetric},
                                {"test_accuracy", testAccuracy_}};
        }
    }

    void saveState(torch::serialize::OutputArchive& archive) const override {
        archive.write("shifts", c10::IValue(shifts_.state()));
    }
    void loadState(torch::serialize::InputArchive& archive) override {
        c10::IValue value;
        archive.read("shifts", value);
        shifts_.restore(value.toStringRef());
        if (runFolder_) loadCheckpoint(*runFolder_ / "best.pt", *best_, kJudgeCheckpoint);
    }

    models::DigitJudge bestModel() const { return model_; }
    double testAccuracy() const { return testAccuracy_; }

private:
    models::DigitJudge model_;
    const JudgeTrainingOptions& options_;
    const data::MnistData& data_;
    const JudgeTrainingCallbacks& callbacks_;
    std::optional<std::filesystem::path> runFolder_;
    SeededShuffle shifts_;
    torch::Tensor train_, trainLabels_, validation_, validationLabels_;
    torch::Tensor labels_, logits_;
    double lossSum_ = 0.0;
    std::int64_t correct_ = 0;
    std::int64_t seen_ = 0;
    JudgeEpochReport report_;
    models::DigitJudge best_{nullptr};
    double testAccuracy_ = 0.0;
};

}  // namespace

JudgeTrainingResult JudgeTrainer::run(const JudgeTrainingCallbacks& callbacks,
                                      TrainingControl& control) {
    options_.validate();
    if (!data_ || data_->train.empty() || data_->validation.empty()) {
        throw std::invalid_argument("training needs a non-empty train and validation split");
    }
    configureTorchThreads(options_.threads());
    torch::manual_seed(options_.seed());
    model_ = models::DigitJudge();
    JudgeSteps steps(model_, options_, *data_, callbacks, runFolder_);

    LoopSettings settings = loopSettingsOf(options_, runFolder_, use_, judgeRunConfig(options_, *data_));
    settings.bestBeforeFirstEpoch = false;  // an untrained judge is never saved as a judge
    const LoopResult loop = runTrainingLoop(steps, settings, control);

    model_ = steps.bestModel();
    JudgeTrainingResult result;
    result.status = loop.status;
    result.message = loop.message;
    result.epochsRun = loop.epochsRun;
    result.bestEpoch = loop.bestEpoch;
    result.validationAccuracy = loop.bestEpoch > 0 ? loop.bestMetric : 0.0;
    result.testAccuracy = steps.testAccuracy();
    result.secondsPerEpoch = loop.secondsPerEpoch;
    result.imagesPerSecond = loop.examplesPerSecond;
    return result;
}

}  // namespace learn2add::train
