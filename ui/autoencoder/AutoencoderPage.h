#pragma once
// The Autoencoder page (ASSIGNMENT.md Part II): train the reconstruction autoencoder with any of
// the three decoders, L2 or BCE, any code size; queue the six decoder × loss combinations to
// compare them; watch train and validation RMSE curves of all runs, the reconstructions of five
// fixed validation digits, the validation codes when the code has two dimensions, and a table of
// runs. Run folders written before (by the CLI or this page) open beside the trained runs: their
// curves from metrics.csv, their row, and best.pt's reconstructions. A second tab shows the shown
// run's code manifold (its decoder over a plane of its codes; manifold/CodeManifoldPanel.h),
// computed on the app's inference thread; a clicked point goes to the addition explorer.
//
// Threads: GUI thread only. Training runs on the AutoencoderTrainingRunner's worker thread; this
// page only receives value reports and redraws on timers (curves: CurvePlot's 100 ms timer; digits and code
// scatter: the page's 150 ms timer), never per batch.
//
//   auto* page = new AutoencoderPage;
//   connect(window, &MainWindow::dataChanged, page, &AutoencoderPage::setData);
//   page->startTraining();                 // what the "Train" button does
//   page->openRun("runs/ae-upsample");     // read on a pool thread; runOpened() or the banner
//   page->shutdownTraining();              // cancel, quit, wait: before the window goes away

#include <QTimer>
#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "addition/AdditionViewTypes.h"
#include "data/LoadedData.h"
#include "autoencoder/AutoencoderMetaTypes.h"
#include "training/TrainingButtons.h"

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace learn2add::ui {

class AutoencoderInference;
struct AutoencoderModelSnapshot;
class AutoencoderRunLoader;
class CodeManifoldPanel;
class AutoencoderSettingsPanel;
class CodeScatterPlot;
class CurvePlot;
class DigitMosaic;
class MessageBanner;
class RunsTable;
class TrainingProgressView;
class AutoencoderTrainingRunner;
struct OpenedAutoencoderRun;

class AutoencoderPage : public QWidget {
    Q_OBJECT
public:
    explicit AutoencoderPage(QWidget* parent = nullptr);
    ~AutoencoderPage() override;

    void setData(std::shared_ptr<const LoadedData> data);

    // Queues one run with the form's settings ("Train").
    void startTraining();
    // Queues the three decoders × L2 and BCE with the form's other settings.
    void queueComparison();
    void pauseOrResume();
    // Stops the running job and drops the queued ones.
    void stopTraining();
    // Continues the opened run shown after its last.pt (train/TrainingLoop.h), to its own number
    // of epochs or the form's, whichever is larger; the run's folder and settings are kept.
    void continueShownRun();
    // Cancels, quits and waits for the worker thread, and drops the code manifold's inference; no
    // training or manifold afterwards (the window is closing).
    void shutdownTraining();
    // Opens an autoencoder run folder in the background; runOpened() when it is shown (with what
    // could not be read, such as a corrupt best.pt, on the banner), openFailed() and the banner
    // when nothing of it can be shown. The runs shown before stay.
    void openRun(const QString& folder);
    // The judge that reads the code manifold's points.
    void openJudgeRun(const QString& folder);

    // Exposed for tests and screenshots.
    AutoencoderSettingsPanel* settings() const { return settings_; }
    AutoencoderTrainingRunner* trainingRunner() const { return runner_; }
    CurvePlot* curvePlot() const { return curves_; }
    CodeScatterPlot* codeScatter() const { return scatter_; }
    DigitMosaic* reconstructions() const { return reconstructions_; }
    RunsTable* runsTable() const { return runs_; }
    TrainingProgressView* progressView() const { return progress_; }
    MessageBanner* banner() const { return banner_; }
    QPushButton* trainButton() const { return buttons_->trainButton(); }
    QPushButton* queueButton() const { return queue_; }
    QPushButton* pauseButton() const { return buttons_->pauseButton(); }
    QPushButton* stopButton() const { return buttons_->stopButton(); }
    QPushButton* continueButton() const { return continue_; }
    AutoencoderRunLoader* runLoader() const { return loader_; }
    AutoencoderInference* inference() const { return inference_; }
    CodeManifoldPanel* manifold() const { return manifold_; }
    QTabWidget* tabs() const { return tabs_; }
    // The run whose digits and codes are shown (the newest unless the user picked a row); 0: none.
    // Opened runs have negative ids (-1, -2, ...), trained runs positive ones.
    int shownRun() const { return shownRun_; }
    QString reconstructionTitle() const;

Q_SIGNALS:
    void runOpened(int runId);
    void openFailed(const QString& folder, const QString& message);
    // A clicked point of the code manifold, to be the addition explorer's input.
    void inputChosen(learn2add::ui::AdditionInput input, QString name);

private:
    struct RunRecord {
        AutoencoderTrainingJob job;
        int series = 0;
        std::optional<train::EpochReport> latest;
        QString openedFolder;     // empty for runs trained here
        int checkpointEpoch = 0;  // opened runs: the epoch whose weights (best.pt) are shown
        std::shared_ptr<AutoencoderModelSnapshot> model;  // best.pt's, or the latest epoch's
    };

    QWidget* buildControls();
    QWidget* buildViews();
    std::optional<AutoencoderTrainingJob> jobFromForm(
        std::optional<train::ReconstructionLoss> loss = std::nullopt,
        std::optional<models::DecoderKind> decoder = std::nullopt);
    void submit(std::vector<AutoencoderTrainingJob> jobs);
    void showError(const QString& text);
    void onStateChanged();
    void showRun(int runId);
    void addOpenedRun(const OpenedAutoencoderRun& run);
    // "#3" for a run trained here, the folder's name for an opened one.
    QString runLabel(int runId) const;
    void refreshViews();
    void useShownModel();

    void onRunQueued(int runId, const AutoencoderTrainingJob& job);
    void onRunStarted(int runId);
    void onProgress(int runId, const train::BatchReport& report);
    void onEpoch(int runId, const train::EpochReport& report);
    void onRunFinished(int runId, const train::TrainingResult& result);
    void onRunFailed(int runId, const QString& message);

    std::shared_ptr<const data::MnistData> data_;
    AutoencoderTrainingRunner* runner_ = nullptr;
    AutoencoderRunLoader* loader_ = nullptr;
    AutoencoderInference* inference_ = nullptr;
    int nextOpenedId_ = -1;
    std::map<int, RunRecord> records_;
    int shownRun_ = 0;
    bool followNewest_ = true;
    int batchRuns_ = 0;       // runs queued since the runner was last idle
    int batchStarted_ = 0;    // of which started
    int batchCancelled_ = 0;  // of which cancelled (stopped, or dropped from the queue)
    std::set<QString> usedRunFolders_;
    QTimer refreshTimer_;

    MessageBanner* banner_ = nullptr;
    AutoencoderSettingsPanel* settings_ = nullptr;
    TrainingButtons* buttons_ = nullptr;  // Train, Pause, Stop and their keys
    QPushButton* queue_ = nullptr;
    QPushButton* continue_ = nullptr;  // resumes the opened run shown
    TrainingProgressView* progress_ = nullptr;
    CurvePlot* curves_ = nullptr;
    CodeScatterPlot* scatter_ = nullptr;
    QStackedWidget* scatterStack_ = nullptr;
    QLabel* scatterHint_ = nullptr;
    DigitMosaic* reconstructions_ = nullptr;
    QLabel* reconstructionTitle_ = nullptr;
    RunsTable* runs_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    CodeManifoldPanel* manifold_ = nullptr;
};

}  // namespace learn2add::ui
