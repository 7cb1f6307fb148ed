#pragma once
// One row per autoencoder run: decoder, loss, code size, epochs done, best epoch, best validation
// RMSE (the lowest is highlighted: the best architecture at a glance), final train RMSE, how far
// the validation RMSE rose since its best epoch (overfitting), seconds per epoch and status.
// Selecting a row emits runSelected(). GUI thread only.
//
//   table->addRun(id, job, colour);       // "queued"
//   table->showStarted(id);               // "running"
//   table->showPaused(id, true);          // "paused" (false: "running" again)
//   table->showEpoch(id, epochReport);
//   table->showResult(id, result);        // "finished", "cancelled", "diverged" ...
//   table->showOpened(id, folder);        // a run opened from its folder ("opened")

#include <QTableWidget>
#include <map>

#include "autoencoder/AutoencoderMetaTypes.h"

namespace learn2add::ui {

class RunsTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column {
        RunColumn,
        DecoderColumn,
        LossColumn,
        CodeColumn,
        EpochsColumn,
        BestEpochColumn,
        BestValidationColumn,
        FinalTrainColumn,
        RiseColumn,
        SecondsColumn,
        StatusColumn,
        ColumnCount
    };

    explicit RunsTable(QWidget* parent = nullptr);

    // `label` names the run in the first column ("#id" when empty).
    void addRun(int runId, const AutoencoderTrainingJob& job, const QColor& colour,
                const QString& label = QString());
    void showStarted(int runId);
    void showPaused(int runId, bool paused);
    void showEpoch(int runId, const train::EpochReport& report);
    void showResult(int runId, const train::TrainingResult& result);
    void showFailure(int runId, const QString& message);
    // A run opened from its folder: status "opened", the folder (and `note`) in its tooltip.
    void showOpened(int runId, const QString& folder, const QString& note = QString());

    // -1 when unknown.
    int rowOf(int runId) const;
    int runIdAt(int row) const;
    QString cellText(int runId, Column column) const;

Q_SIGNALS:
    void runSelected(int runId);

private:
    struct RunState {
        int row = 0;
        int epochs = 0;
        double bestValidationRmse = 0.0;
        double secondsSum = 0.0;
    };

    void setCell(int row, Column column, const QString& text, const QString& tip = QString());
    void highlightBest();

    std::map<int, RunState> runs_;
};

}  // namespace learn2add::ui
