// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "addition/AdditionTrainingWorker.h"

#include <c10/util/Exception.h>

#include <chrono>
#include <exception>

#include "addition/AdditionModelSnapshot.h"
#include "addition/AdditionTensorViews.h"
#include "train/AdditionTrainer.h"

namespace learn2add::ui {
namespace {

using AdditionClock = std::chrono::steady_clock;
constexpr auto kMinAdditionReportInterval = std::chrono::milliseconds(40);

AdditionLossValues lossValues(const train::AdditionLossTerms& terms) {
    return {terms.total, terms.reconstruction, terms.generation, terms.code, terms.digit, terms.kl};
}

}  // namespace

AdditionTrainingWorker::AdditionTrainingWorker(QObject* parent) : QObject(parent) {}

void AdditionTrainingWorker::run(const AdditionTrainingJob& job,
                                 std::shared_ptr<const data::MnistData> data,
                                 std::shared_ptr<train::TrainingControl> control) {
    try {
        train::AdditionTrainer trainer(job.options, std::move(data), job.runFolder);
        AdditionClock::time_point lastBatch{};
        double spreadSum = 0.0;
        int spreadCount = 0;
        train::AdditionTrainingCallbacks callbacks;
        callbacks.onBatch = [&](const train::AdditionBatchReport& report) {
            spreadSum += report.codeSpread;
            ++spreadCount;
            const auto now = AdditionClock::now();
            const bool edge =
                report.batch.batch == 1 || report.batch.batch == report.batch.batchesPerEpoch;
            if (!edge && now - lastBatch < kMinAdditionReportInterval) return;
            lastBatch = now;
            const train::BatchReport& b = report.batch;
            Q_EMIT batchReported({b.epoch, b.epochs, b.batch, b.batchesPerEpoch, b.elapsedSeconds,
                                  b.etaSeconds, lossValues(report.terms), report.codeSpread});
        };
        callbacks.onEpoch = [&](const train::AdditionEpochReport& report) {
            AdditionEpochValues values;
            values.epoch = report.epoch;
            values.epochs = report.epochs;
            values.train = lossValues(report.train);
            values.validation = lossValues(report.validation);
            values.trainCodeSpread = spreadCount > 0 ? spreadSum / spreadCount : 0.0;
            values.validationCodeSpread = report.codeSpread;
            values.validationAccuracy = report.validationAccuracy;
            values.grid = gridPicture(report.grid, report.validationAccuracy >= 0.0, report.epoch);
            values.seconds = report.seconds;
            values.improved = report.improved;
            values.bestEpoch = report.bestEpoch;
            spreadSum = 0.0;
            spreadCount = 0;

            auto snapshot = std::make_shared<AdditionModelSnapshot>();
            snapshot->model = models::AdditionModel(
                std::dynamic_pointer_cast<models::AdditionModelImpl>(trainer.model()->clone()));
            snapshot->model->eval();
            snapshot->description =
                QStringLiteral("training · epoch %1 of %2").arg(report.epoch).arg(report.epochs);
            Q_EMIT epochReported(values, snapshot);
        };
        const train::AdditionTrainingResult result = trainer.run(callbacks, *control);
        Q_EMIT finished({QString::fromLatin1(train::toString(result.status)),
                         QString::fromStdString(result.message), result.epochsRun, result.bestEpoch,
                         result.bestValidationAccuracy});
    } catch (const c10::Error& error) {
        Q_EMIT failed(QString::fromStdString(error.what_without_backtrace()));
    } catch (const std::exception& error) {
        Q_EMIT failed(QString::fromStdString(error.what()));
    } catch (...) {
        Q_EMIT failed(tr("an unknown error stopped the training"));
    }
}

}  // namespace learn2add::ui
