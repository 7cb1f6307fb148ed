#pragma once
// Runs one addition training at a time on a worker thread that it owns and forwards the worker's
// reports as signals delivered on the GUI thread.
//
//   auto* runner = new AdditionTrainingRunner(this);
//   connect(runner, &AdditionTrainingRunner::epochFinished, page, &Page::showEpoch);
//   if (auto error = runner->start(job, data)) banner->showMessage(*error, ...);
//   runner->pause(); runner->resume(); runner->stop();
//
// Threads: create, call and destroy on the GUI thread only. The worker touches only the run's
// TrainingControl (atomics), which pause, resume and stop set. Shutdown: shutdown() (also run by
// the destructor) cancels, quits the thread and waits; the training notices within one batch.

#include <QObject>
#include <QThread>
#include <memory>
#include <optional>

#include "addition/AdditionTrainingJob.h"
#include "addition/AdditionViewTypes.h"
#include "data/MnistData.h"
#include "train/TrainingControl.h"

namespace learn2add::ui {

class AdditionTrainingWorker;
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

    bool isRunning() const { return running_; }
    bool isPaused() const { return paused_; }

Q_SIGNALS:
    void started(learn2add::ui::AdditionTrainingJob job);
    void progress(learn2add::ui::AdditionBatchValues report);
    void epochFinished(learn2add::ui::AdditionEpochValues report,
                       std::shared_ptr<learn2add::ui::AdditionModelSnapshot> model);
    void runFinished(learn2add::ui::AdditionTrainingOutcome outcome);
    void runFailed(QString message);
    void stateChanged();

private:
    void onEnded();

    QThread thread_;
    AdditionTrainingWorker* worker_ = nullptr;
    std::shared_ptr<train::TrainingControl> control_;
    bool running_ = false;
    bool paused_ = false;
    bool shutDown_ = false;
};

}  // namespace learn2add::ui

Q_DECLARE_METATYPE(learn2add::ui::AdditionTrainingJob)
