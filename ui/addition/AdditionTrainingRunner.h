#pragma once
// Runs one addition training at a time on a worker thread that it owns and forwards the worker's
// reports as signals delivered on the GUI thread.
//
//   auto* runner = new AdditionTrainingRunner(this);
//   connect(runner, &AdditionTrainingRunner::epochFinished, page, &Page::showEpoch);
//   if (auto error = runner->start(job, data)) banner->showMessage(*error, ...);
//   runner->pause(); runner->resume(); runner->stop();
//
// Threads: create, call and destroy on the GUI thread only. The run goes through the GUI's one
// training thread (training/TrainingThread.h), which holds its TrainingControl for pause, resume
// and stop, and passes the batches BatchThrottle lets through. Shutdown: shutdown() (also run by
// the destructor) cancels, quits the thread and waits; the training notices within one batch.
// After every epoch, epochFinished() carries a clone of the model for the explorer.

#include <QObject>
#include <memory>
#include <optional>

#include "addition/AdditionTrainingJob.h"
#include "addition/AdditionViewTypes.h"
#include "data/MnistData.h"
#include "train/TrainingControl.h"

namespace learn2add::ui {

class TrainingThread;
struct AdditionModelSnapshot;

class AdditionTrainingRunner : public QObject {
    Q_OBJECT
public:
    explicit AdditionTrainingRunner(QObject* parent = nullptr);
    ~AdditionTrainingRunner() override;

    // Validates the options; returns what is wrong, or starts the run and returns nothing. Refused
    // while a run is going.
    std::optional<QString> start(AdditionTrainingJob job,
                                 std::shared_ptr<const data::MnistData> data);
    void pause();
    void resume();
    void stop();
    void shutdown();

    bool isRunning() const;
    bool isPaused() const;

Q_SIGNALS:
    void started(learn2add::ui::AdditionTrainingJob job);
    void progress(learn2add::ui::AdditionBatchValues report);
    void epochFinished(learn2add::ui::AdditionEpochValues report,
                       std::shared_ptr<learn2add::ui::AdditionModelSnapshot> model);
    void runFinished(learn2add::ui::AdditionTrainingOutcome outcome);
    void runFailed(QString message);
    void stateChanged();

private:
    TrainingThread* thread_ = nullptr;
};

}  // namespace learn2add::ui

Q_DECLARE_METATYPE(learn2add::ui::AdditionTrainingJob)
