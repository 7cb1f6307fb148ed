#pragma once
// The Autoencoder page's trainings: a queue of autoencoder runs (ASSIGNMENT.md Part II) done one
// after another through the GUI's one training runner (training/TrainingRunner.h, which it is), with
// the runner's pause, resume and stop, and what the runs report as signals on the GUI thread.
//
//   auto* runner = new AutoencoderTrainingRunner(this);
//   connect(runner, &AutoencoderTrainingRunner::epochFinished, page, &Page::showEpoch);
//   if (auto error = runner->enqueue({job1, job2}, data)) banner->showMessage(*error, ...);
//   runner->pause(); runner->resume(); runner->stop();
//
// Threads: create, call and destroy it on the GUI thread only. progress() carries the batch reports
// the runner's one throttle passes (the first and last of every epoch, the others at most once per
// progressInterval()); epoch reports, results and errors come as they happen. stop() reports each
// dropped queued run as cancelled with 0 epochs. Shutdown: see TrainingRunner.

#include <memory>
#include <optional>
#include <vector>

#include "autoencoder/AutoencoderMetaTypes.h"
#include "data/MnistData.h"
#include "training/TrainingRunner.h"

namespace learn2add::ui {

struct AutoencoderModelSnapshot;

class AutoencoderTrainingRunner : public TrainingRunner {
    Q_OBJECT
public:
    explicit AutoencoderTrainingRunner(QObject* parent = nullptr);

    // Validates every job's options first; when one is invalid, returns what is wrong (naming the
    // job when there are several) and queues nothing. Otherwise queues them all (runQueued() for
    // each), starts the first when idle and returns nothing.
    std::optional<QString> enqueue(std::vector<AutoencoderTrainingJob> jobs,
                                   std::shared_ptr<const data::MnistData> data);

Q_SIGNALS:
    void runQueued(int runId, learn2add::ui::AutoencoderTrainingJob job);
    void progress(int runId, learn2add::train::BatchReport report);
    void epochFinished(int runId, learn2add::train::EpochReport report);
    // A copy of the run's model after each epoch (right after epochFinished), for the inference.
    void modelSnapshot(int runId, std::shared_ptr<learn2add::ui::AutoencoderModelSnapshot> model);
    void runFinished(int runId, learn2add::train::TrainingResult result);
    void runFailed(int runId, QString message);
};

}  // namespace learn2add::ui
