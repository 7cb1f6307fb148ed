#pragma once
// Runs autoencoder trainings on the thread it was moved to (TrainingSession owns that thread) and
// reports through signals that carry plain values; connect them with queued connections.
//
// Threads: run() runs on the worker's thread and blocks it until the run ends; pause, resume and
// cancel go through the TrainingControl (atomics), which any thread may use meanwhile. No
// exception leaves run(): LibTorch (c10::Error) and standard errors become failed(), because an
// exception escaping here would terminate the app.
//
// Batch reports are throttled here already (at most one per 15 ms, plus the first and the last of
// every epoch); the GUI coalesces them further (see TrainingSession).

#include <QObject>
#include <QString>
#include <memory>

#include "data/MnistData.h"
#include "train/TrainingControl.h"
#include "training/TrainingMetaTypes.h"

namespace learn2add::ui {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(QObject* parent = nullptr);

public Q_SLOTS:
    void run(int runId, const learn2add::ui::TrainingJob& job,
             std::shared_ptr<const learn2add::data::MnistData> data,
             std::shared_ptr<learn2add::train::TrainingControl> control);

Q_SIGNALS:
    void batchReported(int runId, learn2add::train::BatchReport report);
    void epochReported(int runId, learn2add::train::EpochReport report);
    void finished(int runId, learn2add::train::TrainingResult result);
    void failed(int runId, QString message);
};

}  // namespace learn2add::ui
