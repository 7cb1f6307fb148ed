#pragma once
// The Addition page's training (ASSIGNMENT.md Part III and IV): one addition run at a time through
// the GUI's one training runner (training/TrainingRunner.h, which it is), with the runner's pause,
// resume and stop, and what the run reports as signals on the GUI thread.
//
//   auto* runner = new AdditionTrainingRunner(this);
//   connect(runner, &AdditionTrainingRunner::epochFinished, page, &Page::showEpoch);
//   if (auto error = runner->start(job, data)) banner->showMessage(*error, ...);
//   runner->pause(); runner->resume(); runner->stop();
//
// Threads: create, call and destroy on the GUI thread only. progress() carries the batch reports
// the runner's one throttle passes. After every epoch, epochFinished() carries a clone of the model
// for the explorer. Shutdown: see TrainingRunner.

#include <QObject>
#include <memory>
#include <optional>

#include "addition/AdditionTrainingJob.h"
#include "addition/AdditionViewTypes.h"
#include "data/MnistData.h"
#include "training/TrainingRunner.h"

namespace learn2add::ui {

struct AdditionModelSnapshot;

class AdditionTrainingRunner : public TrainingRunner {
    Q_OBJECT
public:
    explicit AdditionTrainingRunner(QObject* parent = nullptr);

    // Validates the options; returns what is wrong, or starts the run and returns nothing. Refused
    // while a run is going.
    std::optional<QString> start(AdditionTrainingJob job,
                                 std::shared_ptr<const data::MnistData> data);

Q_SIGNALS:
    void started(learn2add::ui::AdditionTrainingJob job);
    void progress(learn2add::ui::AdditionBatchValues report);
    void epochFinished(learn2add::ui::AdditionEpochValues report,
                       std::shared_ptr<learn2add::ui::AdditionModelSnapshot> model);
    void runFinished(learn2add::ui::AdditionTrainingOutcome outcome);
    void runFailed(QString message);
};

}  // namespace learn2add::ui

Q_DECLARE_METATYPE(learn2add::ui::AdditionTrainingJob)
