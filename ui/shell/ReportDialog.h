#pragma once
// File > Export report…: which run folders go into the report, where it is written, and whether the
// test accuracy is measured; the report (ui/report/ReportWriter.h) is written on a worker thread
// while the dialog shows each step. Closing the dialog (or the window) during an export cancels it
// at its next step. The output folder and the test-accuracy choice are kept in QSettings.
//
//   ReportDialog dialog({"/usr/share/learn2add/pretrained", "~/.local/share/learn2add/runs"});
//   dialog.setOutputFolder("/tmp/report");
//   dialog.startExport();            // exportFinished(true, "Wrote /tmp/report/report.pdf ...")

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>
#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace learn2add::ui {

struct ReportOutcome {
    bool ok = false;
    QString message;  // what was written, or why not
    QString pdf;
};

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(const QStringList& runFolders, QWidget* parent = nullptr);
    ~ReportDialog() override;

    QStringList runFolders() const;
    void setRunFolders(const QStringList& folders);
    QString outputFolder() const;
    void setOutputFolder(const QString& folder);
    void setMeasureTest(bool measure);
    bool isExporting() const { return watcher_.isRunning(); }
    QString pdfPath() const { return pdf_; }

    // Starts writing the report; false (with the reason on the status line) when no run or no
    // output folder is chosen or an export is running.
    bool startExport();
    // Stops a running export at its next step (exportFinished(false, "... cancelled")).
    void cancelExport() { cancel_->store(true); }

Q_SIGNALS:
    void exportFinished(bool ok, const QString& message);

protected:
    void done(int result) override;  // closing cancels a running export

private:
    void showStep(const QString& step);
    void onFinished();
    void addFolder();
    void chooseOutput();

    QListWidget* runs_ = nullptr;
    QLineEdit* output_ = nullptr;
    QCheckBox* measureTest_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* export_ = nullptr;
    QPushButton* openPdf_ = nullptr;
    QFutureWatcher<ReportOutcome> watcher_;
    std::shared_ptr<std::atomic_bool> cancel_ = std::make_shared<std::atomic_bool>(false);
    QString pdf_;
};

// The folders a report starts from: the shipped models, the GUI's runs folder and the recent runs
// (those that exist).
QStringList defaultReportFolders(const QStringList& recentRuns);

// Where the build and the package put the shipped models: <exe dir>/../share/learn2add/pretrained;
// empty when they are not there.
QString shippedModelsFolder();

}  // namespace learn2add::ui
