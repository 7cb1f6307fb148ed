#include "autoencoder/AutoencoderPage.h"

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "autoencoder/AutoencoderInference.h"
#include "autoencoder/AutoencoderRunLoader.h"
#include "autoencoder/AutoencoderSettingsPanel.h"
#include "autoencoder/RunsTable.h"
#include "manifold/CodeManifoldPanel.h"
#include "models/DecoderKind.h"
#include "plots/CodeScatterPlot.h"
#include "plots/CurvePlot.h"
#include "plots/CurvePlotControls.h"
#include "plots/FigureExport.h"
#include "plots/PlotColours.h"
#include "widgets/MessageBanner.h"
#include "training/ImageStripImages.h"
#include "training/TrainingProgressView.h"
#include "autoencoder/AutoencoderTrainingRunner.h"
#include "training/TrainingButtons.h"
#include "widgets/DigitMosaic.h"
#include "widgets/ShortcutAction.h"

namespace learn2add::ui {
namespace {

constexpr int kRefreshMs = 150;
constexpr int kShownDigits = 5;

QGroupBox* autoencoderFramed(const QString& title, QWidget* content, QWidget* above = nullptr) {
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    if (above) layout->addWidget(above);
    layout->addWidget(content, 1);
    return box;
}

}  // namespace

AutoencoderPage::AutoencoderPage(QWidget* parent) : QWidget(parent) {
    runner_ = new AutoencoderTrainingRunner(this);
    connect(runner_, &AutoencoderTrainingRunner::runQueued, this, &AutoencoderPage::onRunQueued);
    connect(runner_, &AutoencoderTrainingRunner::runStarted, this, &AutoencoderPage::onRunStarted);
    connect(runner_, &AutoencoderTrainingRunner::progress, this, &AutoencoderPage::onProgress);
    connect(runner_, &AutoencoderTrainingRunner::epochFinished, this, &AutoencoderPage::onEpoch);
    connect(runner_, &AutoencoderTrainingRunner::runFinished, this, &AutoencoderPage::onRunFinished);
    connect(runner_, &AutoencoderTrainingRunner::runFailed, this, &AutoencoderPage::onRunFailed);
    connect(runner_, &AutoencoderTrainingRunner::stateChanged, this, &AutoencoderPage::onStateChanged);
    connect(runner_, &AutoencoderTrainingRunner::modelSnapshot, this,
            [this](int runId, std::shared_ptr<AutoencoderModelSnapshot> model) {
                const auto found = records_.find(runId);
                if (found == records_.end()) return;
                found->second.model = std::move(model);
                if (runId == shownRun_) useShownModel();
            });
    inference_ = new AutoencoderInference(this);
    connect(inference_, &AutoencoderInference::failed, this, [this](const QString& message) {
        banner_->showMessage(tr("<b>The code manifold:</b> %1")
                                 .arg(message.toHtmlEscaped()),
                             MessageBanner::Kind::Error);
    });
    loader_ = new AutoencoderRunLoader(this);
    connect(loader_, &AutoencoderRunLoader::opened, this, &AutoencoderPage::addOpenedRun);
    connect(loader_, &AutoencoderRunLoader::failed, this,
            [this](const QString& folder, const QString& message) {
                banner_->showMessage(
                    tr("<b>Could not open the autoencoder run %1.</b> %2<br>The runs shown before "
                       "are still there.")
                        .arg(folder.toHtmlEscaped(), message.toHtmlEscaped()),
                    MessageBanner::Kind::Error);
                Q_EMIT openFailed(folder, message);
            });
    refreshTimer_.setSingleShot(true);
    refreshTimer_.setInterval(kRefreshMs);
    connect(&refreshTimer_, &QTimer::timeout, this, &AutoencoderPage::refreshViews);

    banner_ = new MessageBanner;
    auto* body = new QHBoxLayout;
    body->addWidget(buildControls());
    body->addWidget(buildViews(), 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(banner_);
    layout->addLayout(body, 1);
    onStateChanged();
    refreshViews();
}

AutoencoderPage::~AutoencoderPage() {
    shutdownTraining();
}

QWidget* AutoencoderPage::buildControls() {
    settings_ = new AutoencoderSettingsPanel;

    buttons_ = new TrainingButtons(runner_, TrainingButtons::WhileRunning::Queue, this,
                                   [this] { startTraining(); });
    buttons_->trainButton()->setToolTip(
        tr("Train one model with these settings (F5). While a run is going, the "
           "new one waits in the queue."));
    buttons_->stopButton()->setToolTip(
        tr("Stop the running training and drop the queued ones (Shift+F5). The run "
           "folder keeps best.pt and last.pt."));
    queue_ = new QPushButton(tr("Compare 3 decoders × 2 losses"));
    queue_->setToolTip(
        tr("Queue six runs, mirror, upsample and resize64, each with L2 and with "
           "BCE, with the other settings of the form; their curves overlay."));
    connect(queue_, &QPushButton::clicked, this, &AutoencoderPage::queueComparison);
    continue_ = new QPushButton(tr("Continue the opened run"));
    continue_->setToolTip(
        tr("Train the opened run shown further, in its own folder and with its own settings, from "
           "its last.pt: up to its number of epochs, or the form's if that is larger."));
    continue_->setEnabled(false);  // until an opened run is shown
    connect(continue_, &QPushButton::clicked, this, &AutoencoderPage::continueShownRun);
    buttons_->addWideButton(queue_);
    buttons_->addWideButton(continue_);
    progress_ = new TrainingProgressView;

    auto* help = new QLabel(
        tr("<p><b>Why a sigmoid at the output?</b> Pixels are intensities in [0, 1]; the sigmoid "
           "keeps every output in (0, 1), and BCE needs such probabilities.</p>"
           "<p><b>Same conditions for every run:</b> seeded initial weights, a seeded portable "
           "shuffle and a fixed thread count give the same weights for the same settings.</p>"
           "<p><b>Best weights:</b> the epoch with the lowest validation loss (★ on the curves) is "
           "kept as best.pt.</p>"));
    help->setWordWrap(true);
    help->setTextFormat(Qt::RichText);
    help->setStyleSheet(QStringLiteral("color: #5a5a5a;"));
    QFont small = help->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    help->setFont(small);

    auto* column = new QWidget;
    column->setFixedWidth(330);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(settings_);
    layout->addWidget(buttons_);
    layout->addWidget(progress_);
    layout->addWidget(help);
    layout->addStretch(1);
    return column;
}

QWidget* AutoencoderPage::buildViews() {
    curves_ = new CurvePlot;
    makeExportable(*curves_, tr("Reconstruction error per epoch"));
    curves_->setTitle(tr("solid: validation · dashed: train · ★ best epoch"));
    curves_->setValueLabel(tr("RMSE per pixel (32×32)"));
    curves_->setMinimumSize(380, 260);
    auto* curveBox = autoencoderFramed(tr("Reconstruction error per epoch"), curves_,
                                       new CurvePlotControls(curves_));

    scatter_ = new CodeScatterPlot;
    makeExportable(*scatter_, tr("Validation codes"));
    scatter_->setMinimumSize(260, 240);
    scatterHint_ = new QLabel;
    scatterHint_->setAlignment(Qt::AlignCenter);
    scatterHint_->setWordWrap(true);
    scatterStack_ = new QStackedWidget;
    scatterStack_->addWidget(scatterHint_);
    scatterStack_->addWidget(scatter_);
    auto* scatterBox = autoencoderFramed(tr("Validation codes"), scatterStack_);

    reconstructions_ = new DigitMosaic(kShownDigits);
    makeExportable(*reconstructions_, tr("Reconstructions"));
    reconstructions_->setMinimumSize(kShownDigits * 36, 2 * 36);
    reconstructionTitle_ = new QLabel;
    reconstructionTitle_->setWordWrap(true);
    auto* digitsBox =
        autoencoderFramed(tr("Five validation digits"), reconstructions_, reconstructionTitle_);

    runs_ = new RunsTable;
    // Room for the six runs of a comparison without scrolling.
    runs_->setMinimumHeight(runs_->horizontalHeader()->sizeHint().height() +
                            6 * runs_->verticalHeader()->defaultSectionSize() +
                            2 * runs_->frameWidth());
    connect(runs_, &RunsTable::runSelected, this, [this](int runId) {
        followNewest_ = runId == runner_->currentRunId() || !runner_->isRunning();
        showRun(runId);
    });
    auto* runsBox = autoencoderFramed(tr("Runs"), runs_);

    // Curves on the left; the shown run's codes and digits on the right; the runs table below.
    auto* shownRun = new QSplitter(Qt::Vertical);
    shownRun->addWidget(scatterBox);
    shownRun->addWidget(digitsBox);
    shownRun->setStretchFactor(0, 3);
    shownRun->setStretchFactor(1, 1);
    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(curveBox);
    top->addWidget(shownRun);
    top->setStretchFactor(0, 5);
    top->setStretchFactor(1, 3);
    auto* views = new QSplitter(Qt::Vertical);
    views->addWidget(top);
    views->addWidget(runsBox);
    views->setStretchFactor(0, 3);
    views->setStretchFactor(1, 1);

    manifold_ = new CodeManifoldPanel(
        inference_, tr("Train a run or open one (File > Open run…) to see its decoder over its codes."));
    connect(manifold_, &CodeManifoldPanel::inputChosen, this, &AutoencoderPage::inputChosen);
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    tabs_->addTab(views, tr("Training"));
    tabs_->addTab(manifold_, tr("Code manifold of the shown run"));
    return tabs_;
}

void AutoencoderPage::setData(std::shared_ptr<const LoadedData> data) {
    // Share ownership of the whole LoadedData, point at its MNIST part: runs keep it alive.
    data_ = data ? std::shared_ptr<const data::MnistData>(data, &data->mnist) : nullptr;
    manifold_->setData(std::move(data));
}

std::optional<AutoencoderTrainingJob> AutoencoderPage::jobFromForm(
    std::optional<train::ReconstructionLoss> loss, std::optional<models::DecoderKind> decoder) {
    QString error;
    std::optional<train::AutoencoderTrainingOptions> options = settings_->options(error);
    if (!options) {
        showError(error);
        return std::nullopt;
    }
    if (loss) options->loss(*loss);
    if (decoder) options->decoder(*decoder);
    AutoencoderTrainingJob job{describeOptions(*options), *options, std::nullopt};
    if (const auto base = settings_->runFolderBase()) {
        const QString stem =
            QDir(*base).filePath(runFolderName(*options, QDateTime::currentDateTime()));
        QString folder = stem;
        for (int k = 2; usedRunFolders_.count(folder) || QFileInfo::exists(folder); ++k) {
            folder = QStringLiteral("%1-%2").arg(stem).arg(k);
        }
        usedRunFolders_.insert(folder);
        job.runFolder = std::filesystem::path(folder.toStdString());
    }
    return job;
}

void AutoencoderPage::continueShownRun() {
    const auto found = records_.find(shownRun_);
    if (found == records_.end() || found->second.openedFolder.isEmpty()) return;
    AutoencoderTrainingJob job = found->second.job;
    job.runFolder = std::filesystem::path(found->second.openedFolder.toStdString());
    job.use = track::RunFolderUse::Resume;
    QString ignored;
    if (const auto form = settings_->options(ignored)) {
        job.options.epochs(std::max(job.options.epochs(), form->epochs()));
    }
    job.name = tr("%1 (continued)").arg(job.name);
    submit({std::move(job)});
}

void AutoencoderPage::startTraining() {
    if (auto job = jobFromForm()) submit({std::move(*job)});
}

void AutoencoderPage::queueComparison() {
    std::vector<AutoencoderTrainingJob> jobs;
    for (const models::DecoderKind decoder : models::kAllDecoderKinds) {
        for (const auto loss : {train::ReconstructionLoss::L2, train::ReconstructionLoss::Bce}) {
            auto job = jobFromForm(loss, decoder);
            if (!job) return;
            jobs.push_back(std::move(*job));
        }
    }
    submit(std::move(jobs));
}

void AutoencoderPage::submit(std::vector<AutoencoderTrainingJob> jobs) {
    if (!data_) {
        showError(tr("The data is still loading; try again in a moment."));
        return;
    }
    if (!runner_->isRunning()) batchRuns_ = batchStarted_ = 0;
    const int count = static_cast<int>(jobs.size());
    if (const auto error = runner_->enqueue(std::move(jobs), data_)) {
        showError(*error);
        return;
    }
    batchRuns_ += count;
    if (banner_->isVisible() && banner_->kind() == MessageBanner::Kind::Error) banner_->hide();
}

void AutoencoderPage::pauseOrResume() {
    runner_->pauseOrResume();
}

void AutoencoderPage::stopTraining() {
    runner_->stop();
}

void AutoencoderPage::shutdownTraining() {
    runner_->shutdown();
    inference_->shutdown();  // the code manifold's work, if any, is dropped or waited for
}

void AutoencoderPage::openRun(const QString& folder) {
    loader_->open(folder, data_);
}

void AutoencoderPage::openJudgeRun(const QString& folder) {
    inference_->openJudgeRun(folder);
}

void AutoencoderPage::addOpenedRun(const OpenedAutoencoderRun& run) {
    const int runId = nextOpenedId_--;
    const QString label = QFileInfo(run.folder).fileName();
    RunRecord record{run.job, curves_->addSeries(QStringLiteral("%1 %2").arg(label, run.job.name)),
                     std::nullopt, run.folder, run.checkpointEpoch, run.model};
    runs_->addRun(runId, run.job, runColour(record.series), label);
    // The rows of metrics.csv go where a live training's epoch reports go.
    for (const train::EpochReport& report : run.epochs) {
        curves_->addPoint(record.series, report.epoch, report.trainRmse, report.validationRmse);
        runs_->showEpoch(runId, report);
    }
    if (run.bestEpoch > 0 && !run.epochs.empty()) {
        curves_->setBest(record.series, run.bestEpoch, run.epochs.back().bestValidationRmse);
    }
    if (run.hasImages) {
        train::EpochReport shown = run.epochs.empty() ? train::EpochReport{} : run.epochs.back();
        shown.inputs = run.inputs;
        shown.reconstructions = run.reconstructions;
        shown.codes2d = run.codes2d;
        shown.codeLabels = run.codeLabels;
        record.latest = std::move(shown);
    }
    const QString problems = run.problems.join(QStringLiteral("\n"));
    runs_->showOpened(runId, run.folder, problems);
    records_.emplace(runId, std::move(record));
    if (!run.problems.isEmpty()) {
        QStringList items;
        for (const QString& problem : run.problems) items << problem.toHtmlEscaped();
        banner_->showMessage(tr("<b>Opened %1, but %2.</b>")
                                 .arg(run.folder.toHtmlEscaped(),
                                      items.join(QStringLiteral("; and "))),
                             MessageBanner::Kind::Error);
    }
    followNewest_ = !runner_->isRunning();
    runs_->setCurrentCell(runs_->rowOf(runId), RunsTable::RunColumn);
    showRun(runId);
    Q_EMIT runOpened(runId);
}

QString AutoencoderPage::runLabel(int runId) const {
    const auto found = records_.find(runId);
    if (found != records_.end() && !found->second.openedFolder.isEmpty()) {
        return QFileInfo(found->second.openedFolder).fileName();
    }
    return QStringLiteral("#%1").arg(runId);
}

QString AutoencoderPage::reconstructionTitle() const {
    return reconstructionTitle_->text();
}

void AutoencoderPage::showError(const QString& text) {
    banner_->showMessage(tr("<b>Cannot train:</b> %1").arg(text.toHtmlEscaped()),
                         MessageBanner::Kind::Error);
}

void AutoencoderPage::onStateChanged() {
    const bool running = runner_->isRunning();
    progress_->showPaused(runner_->isPaused());
    if (running) runs_->showPaused(runner_->currentRunId(), runner_->isPaused());
    if (!running && batchRuns_ > 0) {
        progress_->showIdle(
            batchCancelled_ > 0
                ? tr("Stopped: %1 of %n run(s) cancelled (each keeps what it saved). Pick a row "
                     "in the table to see its digits.",
                     "", batchRuns_)
                      .arg(batchCancelled_)
                : tr("Done: %n run(s). Pick a row in the table to see its digits.", "",
                     batchRuns_));
        batchRuns_ = batchStarted_ = batchCancelled_ = 0;
    }
}

void AutoencoderPage::onRunQueued(int runId, const AutoencoderTrainingJob& job) {
    RunRecord record{job, curves_->addSeries(QStringLiteral("#%1 %2").arg(runId).arg(job.name)),
                     std::nullopt, QString(), 0, nullptr};
    runs_->addRun(runId, job, runColour(record.series));
    records_.emplace(runId, std::move(record));
}

void AutoencoderPage::onRunStarted(int runId) {
    ++batchStarted_;
    runs_->showStarted(runId);
    if (runner_->isPaused()) runs_->showPaused(runId, true);
    if (followNewest_ || shownRun_ == 0) showRun(runId);
    const auto found = records_.find(runId);
    if (found != records_.end()) {
        train::BatchReport starting;
        starting.epoch = 1;
        starting.epochs = found->second.job.options.epochs();
        progress_->showProgress(batchStarted_, batchRuns_, found->second.job.name, starting);
    }
}

void AutoencoderPage::onProgress(int runId, const train::BatchReport& report) {
    const auto found = records_.find(runId);
    if (found == records_.end()) return;
    progress_->showProgress(batchStarted_, batchRuns_, found->second.job.name, report);
    progress_->showPaused(runner_->isPaused());
}

void AutoencoderPage::onEpoch(int runId, const train::EpochReport& report) {
    const auto found = records_.find(runId);
    if (found == records_.end()) return;
    RunRecord& record = found->second;
    curves_->addPoint(record.series, report.epoch, report.trainRmse, report.validationRmse);
    if (report.bestEpoch > 0)
        curves_->setBest(record.series, report.bestEpoch, report.bestValidationRmse);
    runs_->showEpoch(runId, report);
    record.latest = report;
    if (runId == shownRun_ && !refreshTimer_.isActive()) refreshTimer_.start();
}

void AutoencoderPage::onRunFinished(int runId, const train::TrainingResult& result) {
    runs_->showResult(runId, result);
    if (result.status == train::TrainingResult::Status::Cancelled) ++batchCancelled_;
    if (result.status == train::TrainingResult::Status::Diverged) {
        const auto found = records_.find(runId);
        banner_->showMessage(tr("<b>Run #%1 (%2) diverged:</b> %3")
                                 .arg(runId)
                                 .arg(found != records_.end() ? found->second.job.name : QString())
                                 .arg(QString::fromStdString(result.message).toHtmlEscaped()),
                             MessageBanner::Kind::Error);
    }
}

void AutoencoderPage::onRunFailed(int runId, const QString& message) {
    runs_->showFailure(runId, message);
    const auto found = records_.find(runId);
    banner_->showMessage(tr("<b>Run #%1 (%2) failed:</b> %3")
                             .arg(runId)
                             .arg(found != records_.end() ? found->second.job.name : QString())
                             .arg(message.toHtmlEscaped()),
                         MessageBanner::Kind::Error);
}

void AutoencoderPage::showRun(int runId) {
    shownRun_ = runId;
    const auto found = records_.find(runId);
    continue_->setEnabled(found != records_.end() && !found->second.openedFolder.isEmpty());
    refreshTimer_.stop();
    refreshViews();
    useShownModel();
}

void AutoencoderPage::useShownModel() {
    const auto found = records_.find(shownRun_);
    std::shared_ptr<AutoencoderModelSnapshot> model =
        found == records_.end() ? nullptr : found->second.model;
    if (inference_->model() == model.get()) return;
    inference_->useModel(std::move(model));
    manifold_->refresh();
}

void AutoencoderPage::refreshViews() {
    const auto found = records_.find(shownRun_);
    const RunRecord* record = found == records_.end() ? nullptr : &found->second;
    const train::EpochReport* report = record && record->latest ? &*record->latest : nullptr;

    const bool opened = record && !record->openedFolder.isEmpty();
    const QString label = runLabel(shownRun_);
    // An opened run shows best.pt's reconstructions; a training shows its latest epoch's.
    const QString when = opened ? tr("best.pt (epoch %1)").arg(record->checkpointEpoch)
                         : report ? tr("epoch %1").arg(report->epoch)
                                  : QString();
    if (report) {
        std::vector<DigitMosaic::Tile> tiles;
        for (QImage& image : stripImages(report->inputs))
            tiles.push_back({std::move(image), QString()});
        for (QImage& image : stripImages(report->reconstructions))
            tiles.push_back({std::move(image), QString()});
        reconstructions_->setTiles(std::move(tiles));
        reconstructionTitle_->setText(
            tr("Run %1, %2 · top: input, bottom: output").arg(label, when));
    } else {
        reconstructions_->setTiles({});
        reconstructionTitle_->setText(
            opened   ? tr("Run %1: best.pt could not be used (see the message above).").arg(label)
            : record ? tr("Run %1: waiting for its first epoch…").arg(label)
                     : tr("Train a model to see its reconstructions here."));
    }

    if (record && record->job.options.codeSize() == 2) {
        scatterStack_->setCurrentWidget(scatter_);
        if (report && !report->codes2d.empty()) {
            scatter_->showCodes(report->codes2d, report->codeLabels,
                                opened ? tr("best.pt, epoch %1: %2 digits")
                                             .arg(record->checkpointEpoch)
                                             .arg(report->codeLabels.size())
                                       : tr("Run %1, %2: %3 validation digits")
                                             .arg(label, when)
                                             .arg(report->codeLabels.size()));
        } else {
            scatter_->clear(opened ? tr("Run %1: best.pt could not be used.").arg(label)
                                   : tr("Run %1: waiting for its first epoch…").arg(label));
        }
    } else {
        scatterStack_->setCurrentWidget(scatterHint_);
        scatterHint_->setText(
            record
                ? tr("Run %1 has a code of size %2.\nThe scatter of validation codes is drawn for "
                     "code size 2.")
                      .arg(label)
                      .arg(record->job.options.codeSize())
                : tr("Train with code size 2 to see how the encoder lays out the validation "
                     "digits in the plane."));
    }
}

}  // namespace learn2add::ui
