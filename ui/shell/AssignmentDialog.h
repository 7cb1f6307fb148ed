#pragma once
// File > Run the whole assignment…: the plan of every training Parts II-IV need
// (train/AssignmentPlan.h) in a folder, as a queue: each run's state, its estimated time from a
// calibration on this machine, the run in progress with its epoch and the plan's ETA. Start trains
// the runs one after another on a worker thread (ui/training/TrainingRunner.h) and ends by writing
// the report into <folder>/report; Stop (or closing the dialog or the window) stops at the next
// batch, and Start continues where it stopped, as `learn2add-cli assignment` does with the same
// folder. The folder is kept in QSettings.
//
//   AssignmentDialog dialog(data);
//   dialog.setFolder("/tmp/assignment");
//   dialog.start();                 // planFinished(true, "17 of 17 runs done; report: ...")

#include <QDialog>
#include <QString>
#include <memory>
#include <vector>

namespace learn2add::data {
struct MnistData;
}
namespace learn2add::train {
struct PlannedRun;
struct PlannedRunStatus;
}  // namespace learn2add::train

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace learn2add::ui {

class TrainingRunner;

class AssignmentDialog : public QDialog {
    Q_OBJECT
public:
    explicit AssignmentDialog(std::shared_ptr<const data::MnistData> data, QWidget* parent = nullptr);
    ~AssignmentDialog() override;

    void setData(std::shared_ptr<const data::MnistData> data) { data_ = std::move(data); }
    QString folder() const;
    void setFolder(const QString& folder);
    void setEpochs(int epochs);
    void setMaxBatchesPerEpoch(int batches) { maxBatches_ = batches; }  // tests: a few batches
    void setEstimate(bool estimate);
    void setMeasureTest(bool measure);  // the report's test accuracy (seconds per model)

    // Starts (or continues) the plan; false with the reason on the status line when there is no
    // data or folder, or it runs already.
    bool start();
    void stop();
    bool isRunning() const;
    const QTableWidget* planTable() const { return table_; }
    QString statusText() const;

Q_SIGNALS:
    void planFinished(bool ok, const QString& message);

protected:
    void done(int result) override;  // closing stops a running plan (it continues on the next Start)

private:
    void showPlan(const std::vector<train::PlannedRun>& plan, const std::vector<train::PlannedRunStatus>& statuses);
    void setCell(int row, int column, const QString& text);
    void updateButtons();

    std::shared_ptr<const data::MnistData> data_;
    TrainingRunner* runner_ = nullptr;
    QLineEdit* folder_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QComboBox* precision_ = nullptr;
    QCheckBox* estimate_ = nullptr;
    QCheckBox* measureTest_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* stop_ = nullptr;
    int maxBatches_ = 0;
};

}  // namespace learn2add::ui
