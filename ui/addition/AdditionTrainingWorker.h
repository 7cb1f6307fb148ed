#pragma once
// Runs one addition training on the thread it was moved to (AdditionTrainingRunner owns that
// thread) and reports in signals that carry plain values, plus, after every epoch, a clone of the
// model for the explorer. Connect with queued connections.
//
// Threads: run() blocks the worker's thread until the training ends; pause, resume and cancel go
// through the TrainingControl (atomics). No exception leaves run(): LibTorch and standard errors
// become failed(), because an exception escaping here would terminate the app. Batch reports are
// throttled to one per 40 ms (plus the first and last of each epoch).

#include <QObject>
#include <QString>
#include <memory>

#include "addition/AdditionTrainingJob.h"
#include "addition/AdditionViewTypes.h"
#include "data/MnistData.h"
#include "train/TrainingControl.h"

namespace learn2add::ui {

struct AdditionModelSnapshot;

class AdditionTrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit AdditionTrainingWorker(QObject* parent = nullptr);

    void run(const AdditionTrainingJob& job, std::shared_ptr<const data::MnistData> data,
             std::shared_ptr<train::TrainingControl> control);

Q_SIGNALS:
    void batchReported(learn2add::ui::AdditionBatchValues report);
    void epochReported(learn2add::ui::AdditionEpochValues report,
                       std::shared_ptr<learn2add::ui::AdditionModelSnapshot> model);
    void finished(learn2add::ui::AdditionTrainingOutcome outcome);
    void failed(QString message);
};

}  // namespace learn2add::ui
