// Compiled with QT_NO_KEYWORDS (see ui/CMakeLists.txt): LibTorch's headers name a method `slots`.
#include "training/TrainingWorker.h"

#include <c10/util/Exception.h>

#include <chrono>
#include <exception>

#include "train/AutoencoderTrainer.h"

namespace learn2add::ui {
namespace {

using TrainingClock = std::chrono::steady_clock;
constexpr auto kMinTrainingReportInterval = std::chrono::milliseconds(15);

}  // namespace

TrainingWorker::TrainingWorker(QObject* parent) : QObject(parent) {}

void TrainingWorker::run(int runId, const TrainingJob& job,
                         std::shared_ptr<const data::MnistData> data,
                         std::shared_ptr<train::TrainingControl> control) {
    try {
        train::AutoencoderTrainer trainer(job.options, std::move(data), job.runFolder, job.use);
        TrainingClock::time_point lastBatch{};
        train::TrainingCallbacks callbacks;
        callbacks.onBatch = [this, runId, &lastBatch](const train::BatchReport& report) {
            const auto now = TrainingClock::now();
            const bool edge = report.batch == 1 || report.batch == report.batchesPerEpoch;
            if (!edge && now - lastBatch < kMinTrainingReportInterval) return;
            lastBatch = now;
            Q_EMIT batchReported(runId, report);
        };
        callbacks.onEpoch = [this, runId](const train::EpochReport& report) {
            Q_EMIT epochReported(runId, report);
        };
        const train::TrainingResult result = trainer.run(callbacks, *control);
        Q_EMIT finished(runId, result);
    } catch (const c10::Error& error) {
        Q_EMIT failed(runId, QString::fromStdString(error.what_without_backtrace()));
    } catch (const std::exception& error) {
        Q_EMIT failed(runId, QString::fromStdString(error.what()));
    } catch (...) {
        Q_EMIT failed(runId, tr("an unknown error stopped the training"));
    }
}

}  // namespace learn2add::ui
