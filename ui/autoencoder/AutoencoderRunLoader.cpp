#include "autoencoder/AutoencoderRunLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <filesystem>
#include <stdexcept>

#include "autoencoder/AutoencoderModelSnapshot.h"
#include "infer/AutoencoderRun.h"
#include "infer/ReconstructionFigure.h"
#include "track/RunFolder.h"
#include "track/TrackError.h"

namespace learn2add::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("AutoencoderRunLoader", text);
}

QString words(const std::exception& e) {
    return QString::fromStdString(e.what());
}

train::AutoencoderTrainingOptions optionsFromConfig(const nlohmann::json& config) {
    train::AutoencoderTrainingOptions options;
    options.decoder(models::decoderKindFromString(config.at("decoder").get<std::string>()))
        .loss(train::reconstructionLossFromString(config.value("loss", std::string("l2"))))
        .codeSize(config.at("code_size").get<std::int64_t>())
        .epochs(config.value("epochs", 0))
        .batchSize(config.value("batch_size", options.batchSize()))
        .learningRate(config.value("learning_rate", options.learningRate()))
        .seed(config.value("seed", options.seed()))
        .threads(config.value("threads", options.threads()))
        .precision(precisionOfRun(config))
        .maxBatchesPerEpoch(config.value("max_batches_per_epoch", 0))
        .earlyStoppingPatience(config.value("early_stopping_patience", 0));
    return options;
}

// metrics.csv as the epoch reports a live training sends (without images).
std::vector<train::EpochReport> readEpochs(const track::RunFolder& folder, int plannedEpochs,
                                           int& bestEpoch) {
    std::vector<train::EpochReport> epochs;
    const auto rows = folder.readMetrics();
    for (const auto& row : rows) {
        const auto number = [&row](const char* column) -> double {
            const auto found = row.find(column);
            if (found == row.end()) {
                throw track::TrackError(std::string("metrics.csv has no ") + column + " column");
            }
            return found->second;
        };
        const auto optional = [&row](const char* column) {
            const auto found = row.find(column);
            return found == row.end() ? 0.0 : found->second;
        };
        train::EpochReport report;
        report.epoch = static_cast<int>(number("epoch"));
        report.epochs = std::max(plannedEpochs, report.epoch);
        report.trainRmse = number("train_rmse");
        report.validationRmse = number("validation_rmse");
        report.trainLoss = optional("train_loss");
        report.validationLoss = optional("validation_loss");
        report.seconds = optional("seconds");
        report.imagesPerSecond = optional("images_per_second");
        report.bestEpoch = row.count("best_epoch") ? static_cast<int>(number("best_epoch")) : 0;
        epochs.push_back(report);
    }
    // The best epoch's validation RMSE, as the trainer reported it at every epoch.
    for (auto& report : epochs) {
        for (const auto& earlier : epochs) {
            if (earlier.epoch == report.bestEpoch) report.bestValidationRmse = earlier.validationRmse;
        }
        report.improved = report.epoch == report.bestEpoch;
    }
    bestEpoch = epochs.empty() ? 0 : epochs.back().bestEpoch;
    return epochs;
}

bool sameDigits(const nlohmann::json& config, const data::MnistData& data) {
    const auto found = config.find("data");
    if (found == config.end() || !found->is_object()) return false;
    const nlohmann::json& used = *found;
    const std::string folder =
        used.contains("folder") && used["folder"].is_string() ? used["folder"].get<std::string>() : "";
    return folder == (data.folder ? data.folder->string() : std::string()) &&
           used.value("split_seed", std::uint64_t{42}) == data.seed &&
           used.value("train", std::size_t{0}) == data.train.size() &&
           used.value("validation", std::size_t{0}) == data.validation.size() &&
           used.value("test", std::size_t{0}) == data.test.size();
}

void readImages(OpenedAutoencoderRun& run, const nlohmann::json& config,
                const std::shared_ptr<const data::MnistData>& current) {
    infer::AutoencoderRun model;
    try {
        model = infer::openAutoencoderRun(run.folder.toStdString());
    } catch (const std::exception& e) {
        run.problems << tr("best.pt cannot be used, so no reconstructions are shown: %1").arg(words(e));
        return;
    }
    run.checkpointEpoch = static_cast<int>(model.checkpoint.epoch);
    run.model = std::make_shared<AutoencoderModelSnapshot>();
    run.model->model = model.model;
    std::shared_ptr<const data::MnistData> digits = current;
    if (!digits || !sameDigits(config, *digits)) {
        try {
            digits = std::make_shared<const data::MnistData>(infer::loadRunData(config));
        } catch (const std::exception& e) {
            run.problems << tr("the digits this run was trained on cannot be loaded, so no "
                               "reconstructions are shown: %1")
                                .arg(words(e));
            return;
        }
    }
    try {
        auto [inputs, outputs] = infer::reconstructShownDigits(model, digits->validation);
        run.inputs = std::move(inputs);
        run.reconstructions = std::move(outputs);
        if (run.job.options.codeSize() == 2) {
            run.codes2d = infer::encodeAll(model.model, digits->validation);
            run.codeLabels = digits->validation.labels;
        }
        run.hasImages = true;
    } catch (const std::exception& e) {  // c10::Error is a std::exception
        run.problems << tr("best.pt could not reconstruct the shown digits: %1").arg(words(e));
    }
}

}  // namespace

OpenedAutoencoderRun readAutoencoderRun(const QString& folder,
                                        std::shared_ptr<const data::MnistData> data) {
    OpenedAutoencoderRun run;
    run.folder = QDir(folder).absolutePath();
    const std::filesystem::path path = run.folder.toStdString();
    nlohmann::json config;
    std::optional<track::RunFolder> runFolder;
    try {
        runFolder = track::RunFolder::open(path);
        config = runFolder->readConfig();
    } catch (const std::exception& e) {
        throw std::runtime_error(e.what());
    }
    const std::string kind = config.is_object() ? config.value("kind", std::string()) : "";
    if (kind != "autoencoder") {
        throw std::runtime_error(path.string() + " is a run of kind '" + kind +
                                 "'; an autoencoder run (learn2add-cli train autoencoder) is "
                                 "expected");
    }
    try {
        const train::AutoencoderTrainingOptions options = optionsFromConfig(config);
        run.job = AutoencoderTrainingJob{describeOptions(options), options, path};
    } catch (const std::exception& e) {
        throw std::runtime_error(path.string() + ": config.json does not describe an autoencoder (" +
                                 e.what() + ")");
    }

    if (!std::filesystem::exists(runFolder->metricsPath())) {
        run.problems << tr("there is no metrics.csv, so no curves are shown");
    } else {
        try {
            run.epochs = readEpochs(*runFolder, run.job.options.epochs(), run.bestEpoch);
        } catch (const std::exception& e) {
            run.problems << tr("metrics.csv cannot be read, so no curves are shown: %1").arg(words(e));
        }
    }
    readImages(run, config, data);
    if (run.epochs.empty() && !run.hasImages) {
        throw std::runtime_error(run.problems.join(QStringLiteral("; ")).toStdString());
    }
    return run;
}

AutoencoderRunLoader::AutoencoderRunLoader(QObject* parent) : QObject(parent) {}

AutoencoderRunLoader::~AutoencoderRunLoader() {
    waitForIdle();
}

void AutoencoderRunLoader::open(const QString& folder,
                                std::shared_ptr<const data::MnistData> data) {
    auto* watcher = new QFutureWatcher<Outcome>(this);
    watchers_.append(watcher);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, folder] {
        watchers_.removeOne(watcher);
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (const auto* run = std::get_if<OpenedAutoencoderRun>(&outcome)) {
            Q_EMIT opened(*run);
        } else {
            Q_EMIT failed(folder, std::get<QString>(outcome));
        }
    });
    watcher->setFuture(QtConcurrent::run([folder, data = std::move(data)]() -> Outcome {
        // No exception may leave a pool thread: everything becomes a message.
        try {
            return readAutoencoderRun(folder, data);
        } catch (const std::exception& e) {
            return words(e);
        } catch (...) {
            return tr("an unknown error");
        }
    }));
}

void AutoencoderRunLoader::waitForIdle() {
    for (auto* watcher : watchers_) watcher->waitForFinished();
}

}  // namespace learn2add::ui
