#include "train/JudgeTrainer.h"

#include <torch/torch.h>

#include <cmath>
#include <stdexcept>

#include "common/SeededShuffle.h"
#include "common/TorchRuntime.h"
#include "data/DigitTensors.h"
#include "track/EventFileWriter.h"
#include "track/RunFolder.h"
#include "train/Checkpoint.h"
#include "train/DataConfig.h"
#include "train/EpochOrder.h"

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
    require(batchSize() >= 1, "batch size must be at least 1");
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
    return {{"kind", "judge"},
            {"epochs", options.epochs()},
            {"batch_size", options.batchSize()},
            {"learning_rate", options.learningRate()},
            {"optimizer", "adam"},
            {"seed", options.seed()},
            {"threads", options.threads()},
            {"max_shift", options.maxShift()},
            {"max_batches_per_epoch", options.maxBatchesPerEpoch()},
            {"data", dataConfig(data)},
            {"learn2add_version", LEARN2ADD_VERSION}};
}

JudgeTrainer::JudgeTrainer(JudgeTrainingOptions options, std::shared_ptr<const data::MnistData> data,
                           std::optional<std::filesystem::path> runFolder)
    : options_(std::move(options)), data_(std::move(data)), runFolder_(std::move(runFolder)) {}

JudgeTrainingResult JudgeTrainer::run(const JudgeTrainingCallbacks& callbacks,
                                      TrainingControl& control) {
    options_.validate();
    if (!data_ || data_->train.empty() || data_->validation.empty()) {
        throw std::invalid_argument("training needs a non-empty train and validation split");
    }
    std::optional<track::RunFolder> run;
    std::optional<track::EventFileWriter> events;
    if (runFolder_) {
        run = track::RunFolder::create(*runFolder_);
        run->writeConfig(judgeRunConfig(options_, *data_));
        events.emplace(*runFolder_);
    }
    configureTorchThreads(options_.threads());
    torch::manual_seed(options_.seed());
    model_ = models::DigitJudge();
    torch::optim::Adam optimizer(model_->parameters(),
                                 torch::optim::AdamOptions(options_.learningRate()));
    SeededShuffle shifts(options_.seed() ^ 0x5348494654ULL);

    const torch::Tensor train = data::imagesToTensor(data_->train, 32);
    const torch::Tensor trainLabels = data::labelsToTensor(data_->train);
    const torch::Tensor validation = data::imagesToTensor(data_->validation, 32);
    const torch::Tensor validationLabels = data::labelsToTensor(data_->validation);
    const std::int64_t n = train.size(0);
    const std::int64_t batchSize = options_.batchSize();
    std::int64_t batches = (n + batchSize - 1) / batchSize;
    if (options_.maxBatchesPerEpoch() > 0) {
        batches = std::min<std::int64_t>(batches, options_.maxBatchesPerEpoch());
    }

    JudgeTrainingResult result;
    double trainingSeconds = 0.0;
    std::int64_t imagesTrained = 0;
    models::DigitJudge best = std::dynamic_pointer_cast<models::DigitJudgeImpl>(model_->clone());
    const auto start = Clock::now();
    const auto finish = [&](TrainingResult::Status status, std::string message) {
        result.status = status;
        result.message = std::move(message);
        model_ = best;
        model_->eval();
        if (data_->test.size() > 0) {
            result.testAccuracy = judgeAccuracy(model_, data::imagesToTensor(data_->test, 32),
                                                data::labelsToTensor(data_->test));
        }
        if (run && result.bestEpoch > 0) {  // an untrained judge is never saved as a judge
            CheckpointInfo info = kJudgeCheckpoint;
            info.epoch = result.bestEpoch;
            info.validationLoss = 1.0 - result.validationAccuracy;
            saveCheckpoint(run->bestCheckpointPath(), *model_, info);
            nlohmann::json config = run->readConfig();
            config["result"] = {{"best_epoch", result.bestEpoch},
                                {"validation_accuracy", result.validationAccuracy},
                                {"test_accuracy", result.testAccuracy}};
            run->writeConfig(config);
        }
        result.secondsPerEpoch =
            result.epochsRun > 0 ? secondsBetween(start, Clock::now()) / result.epochsRun : 0.0;
        result.imagesPerSecond =
            trainingSeconds > 0 ? static_cast<double>(imagesTrained) / trainingSeconds : 0.0;
        if (events) events->flush();
        return result;
    };

    model_->train();
    for (int epoch = 1; epoch <= options_.epochs(); ++epoch) {
        const auto epochStart = Clock::now();
        const torch::Tensor order = epochOrder(n, options_.seed(), epoch);
        double lossSum = 0.0;
        std::int64_t correct = 0;
        std::int64_t seen = 0;
        double epochSeconds = 0.0;
        for (std::int64_t b = 0; b < batches; ++b) {
            if (!control.waitWhilePaused()) {
                return finish(TrainingResult::Status::Cancelled, "stopped by the user");
            }
            const auto batchStart = Clock::now();
            const torch::Tensor index =
                order.slice(0, b * batchSize, std::min(n, (b + 1) * batchSize));
            const torch::Tensor x = shifted(train.index_select(0, index), options_.maxShift(), shifts);
            const torch::Tensor y = trainLabels.index_select(0, index);
            const torch::Tensor logits = model_->forward(x);
            const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, y);
            const double lossValue = loss.item<double>();
            if (!std::isfinite(lossValue)) {
                return finish(TrainingResult::Status::Diverged,
                              "the judge's loss became " + std::to_string(lossValue) +
                                  " at epoch " + std::to_string(epoch) +
                                  "; training stopped. Try a lower learning rate.");
            }
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += lossValue * static_cast<double>(x.size(0));
            correct += logits.argmax(1).eq(y).sum().item<std::int64_t>();
            seen += x.size(0);
            epochSeconds += secondsBetween(batchStart, Clock::now());
            if (callbacks.onBatch) {
                callbacks.onBatch(batchReport(epoch, options_.epochs(), b, batches, lossValue, start, start));
            }
        }
        trainingSeconds += epochSeconds;
        imagesTrained += seen;
        JudgeEpochReport report;
        report.epoch = epoch;
        report.epochs = options_.epochs();
        report.trainLoss = lossSum / static_cast<double>(seen);
        report.trainAccuracy = static_cast<double>(correct) / static_cast<double>(seen);
        report.validationAccuracy = judgeAccuracy(model_, validation, validationLabels);
        report.imagesPerSecond = static_cast<double>(seen) / epochSeconds;
        report.improved = result.bestEpoch == 0 || report.validationAccuracy > result.validationAccuracy;
        if (report.improved) {
            result.bestEpoch = epoch;
            result.validationAccuracy = report.validationAccuracy;
            best = std::dynamic_pointer_cast<models::DigitJudgeImpl>(model_->clone());
        }
        report.seconds = secondsBetween(epochStart, Clock::now());
        result.epochsRun = epoch;
        if (run) {
            run->appendMetrics({{"epoch", epoch},
                                {"train_loss", report.trainLoss},
                                {"train_accuracy", report.trainAccuracy},
                                {"validation_accuracy", report.validationAccuracy},
                                {"seconds", report.seconds},
                                {"images_per_second", report.imagesPerSecond}});
            events->addScalar("loss/train", epoch, static_cast<float>(report.trainLoss));
            events->addScalar("accuracy/train", epoch, static_cast<float>(report.trainAccuracy));
            events->addScalar("accuracy/validation", epoch,
                              static_cast<float>(report.validationAccuracy));
            events->flush();
        }
        if (callbacks.onEpoch) callbacks.onEpoch(report);
    }
    return finish(TrainingResult::Status::Finished, "");
}

}  // namespace learn2add::train
