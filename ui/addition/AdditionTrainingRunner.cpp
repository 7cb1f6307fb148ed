// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "addition/AdditionTrainingRunner.h"

#include <stdexcept>

#include "addition/AdditionModelSnapshot.h"
#include "inference/InferenceImages.h"
#include "train/AdditionTrainer.h"

namespace learn2add::ui {
namespace {

AdditionLossValues additionLossValues(const train::AdditionLossTerms& terms) {
    return {terms.total, terms.reconstruction, terms.generation, terms.code, terms.digit, terms.kl};
}

// The training, on the training thread; its reports are posted to the GUI thread as the runner's
// signals.
train::AdditionTrainingResult trainAddition(AdditionTrainingRunner& runner, RunReports& reports,
                                            const AdditionTrainingJob& job,
                                            std::shared_ptr<const data::MnistData> data,
                                            train::TrainingControl& control) {
    train::AdditionTrainer trainer(job.options, std::move(data), job.runFolder, job.use);
    double spreadSum = 0.0;
    int spreadCount = 0;
    train::AdditionTrainingCallbacks callbacks;
    callbacks.onBatch = [&](const train::AdditionBatchReport& report) {
        spreadSum += report.codeSpread;
        ++spreadCount;
        if (!reports.due(report.batch)) return;
        const train::BatchReport& b = report.batch;
        const AdditionBatchValues values{b.epoch, b.epochs, b.batch, b.batchesPerEpoch, b.elapsedSeconds,
                                         b.etaSeconds, additionLossValues(report.terms), report.codeSpread};
        reports.post([&runner, values] {
            if (runner.isRunning()) Q_EMIT runner.progress(values);
        });
    };
    callbacks.onEpoch = [&](const train::AdditionEpochReport& report) {
        AdditionEpochValues values;
        values.epoch = report.epoch;
        values.epochs = report.epochs;
        values.train = additionLossValues(report.train);
        values.validation = additionLossValues(report.validation);
        values.trainCodeSpread = spreadCount > 0 ? spreadSum / spreadCount : 0.0;
        values.validationCodeSpread = report.codeSpread;
        values.validationAccuracy = report.validationAccuracy;
        values.grid = gridPicture(report.grid, report.validationAccuracy >= 0.0, report.epoch,
                                  job.options.heldOut());
        values.seconds = report.seconds;
        values.improved = report.improved;
        values.bestEpoch = report.bestEpoch;
        spreadSum = 0.0;
        spreadCount = 0;

        auto snapshot = std::make_shared<AdditionModelSnapshot>();
        snapshot->model = models::AdditionModel(
            std::dynamic_pointer_cast<models::AdditionModelImpl>(trainer.model()->clone()));
        snapshot->model->eval();
        snapshot->heldOut = job.options.heldOut();
        snapshot->description =
            QStringLiteral("training · epoch %1 of %2").arg(report.epoch).arg(report.epochs);
        reports.post([&runner, values, snapshot] { Q_EMIT runner.epochFinished(values, snapshot); });
    };
    return trainer.run(callbacks, control);
}

}  // namespace

AdditionTrainingRunner::AdditionTrainingRunner(QObject* parent)
    : TrainingRunner(QStringLiteral("addition-training"), parent) {
    registerAdditionMetaTypes();
    qRegisterMetaType<AdditionTrainingJob>();
    qRegisterMetaType<std::shared_ptr<AdditionModelSnapshot>>();
}

std::optional<QString> AdditionTrainingRunner::start(AdditionTrainingJob job,
                                                     std::shared_ptr<const data::MnistData> data) {
    if (isShutDown()) return tr("the window is closing");
    if (isRunning()) return tr("a training is already running; stop it first");
    if (!data) return tr("the data is still loading; try again in a moment");
    try {
        job.options.validate();
    } catch (const std::invalid_argument& error) {
        return QString::fromStdString(error.what());
    }
    auto result = std::make_shared<train::AdditionTrainingResult>();
    Run run;
    run.task = [this, job, data = std::move(data), result](train::TrainingControl& control,
                                                          RunReports& reports) {
        *result = trainAddition(*this, reports, job, data, control);
    };
    run.ended = [this, result](int, const std::optional<QString>& error) {
        if (error) {
            Q_EMIT runFailed(*error);
            return;
        }
        Q_EMIT runFinished({QString::fromLatin1(train::toString(result->status)),
                            QString::fromStdString(result->message), result->epochsRun,
                            result->bestEpoch, result->bestValidationAccuracy});
    };
    enqueue(std::move(run));
    Q_EMIT started(job);
    return std::nullopt;
}

}  // namespace learn2add::ui
