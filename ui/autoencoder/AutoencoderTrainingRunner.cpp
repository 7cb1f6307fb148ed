#include "autoencoder/AutoencoderTrainingRunner.h"

#include <stdexcept>

#include "autoencoder/AutoencoderModelSnapshot.h"
#include "train/AutoencoderTrainer.h"

namespace learn2add::ui {

AutoencoderTrainingRunner::AutoencoderTrainingRunner(QObject* parent)
    : TrainingRunner(QStringLiteral("autoencoder-training"), parent) {
    registerAutoencoderMetaTypes();
    qRegisterMetaType<std::shared_ptr<AutoencoderModelSnapshot>>();
}

std::optional<QString> AutoencoderTrainingRunner::enqueue(
    std::vector<AutoencoderTrainingJob> jobs, std::shared_ptr<const data::MnistData> data) {
    if (isShutDown()) return tr("training has been shut down");
    if (!data) return tr("no data is loaded yet");
    if (data->train.empty() || data->validation.empty()) {
        return tr("training needs a non-empty train and validation split");
    }
    for (const AutoencoderTrainingJob& job : jobs) {
        try {
            job.options.validate();
        } catch (const std::exception& error) {
            const QString what = QString::fromStdString(error.what());
            return jobs.size() > 1 ? tr("%1: %2").arg(job.name, what) : what;
        }
    }
    for (AutoencoderTrainingJob& job : jobs) {
        auto result = std::make_shared<train::TrainingResult>();
        Run run;
        run.task = [this, job, data, result](train::TrainingControl& control, RunReports& reports) {
            train::AutoencoderTrainer trainer(job.options, data, job.runFolder, job.use);
            const int id = reports.runId();
            train::TrainingCallbacks callbacks;
            callbacks.onBatch = [&](const train::BatchReport& report) {
                if (reports.due(report)) reports.post([this, id, report] { Q_EMIT progress(id, report); });
            };
            callbacks.onEpoch = [&](const train::EpochReport& report) {
                auto snapshot = std::make_shared<AutoencoderModelSnapshot>();
                snapshot->model = models::Autoencoder(
                    std::dynamic_pointer_cast<models::AutoencoderImpl>(trainer.model()->clone()));
                snapshot->model->eval();
                reports.post([this, id, report, snapshot] {
                    Q_EMIT epochFinished(id, report);
                    Q_EMIT modelSnapshot(id, snapshot);
                });
            };
            *result = trainer.run(callbacks, control);
        };
        run.ended = [this, result](int id, const std::optional<QString>& error) {
            if (error) {
                Q_EMIT runFailed(id, *error);
            } else {
                Q_EMIT runFinished(id, *result);
            }
        };
        run.dropped = [this](int id) {
            train::TrainingResult cancelled;
            cancelled.status = train::TrainingResult::Status::Cancelled;
            cancelled.message = "stopped before it started";
            Q_EMIT runFinished(id, cancelled);
        };
        // Announced before it is queued, since the runner starts it at once when idle.
        Q_EMIT runQueued(nextRunId(), job);
        TrainingRunner::enqueue(std::move(run));
    }
    return std::nullopt;
}

}  // namespace learn2add::ui
