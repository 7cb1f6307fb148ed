#include "shell/AssignmentDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include "report/ReportWriter.h"
#include "track/FolderLock.h"
#include "train/AssignmentPlan.h"
#include "training/TrainingProgressView.h"
#include "training/TrainingRunner.h"
#include "widgets/FolderDialog.h"
#include "widgets/PrecisionBox.h"

namespace learn2add::ui {
namespace {

const QString kFolderKey = QStringLiteral("assignment/folder");
enum Column { kRun, kFor, kEpochs, kState, kEstimate, kColumns };

QString stateText(const train::PlannedRunStatus& status) {
    QString text = QString::fromLatin1(train::toString(status.state));
    if (status.epochsDone > 0) text += QStringLiteral(" (%1 done)").arg(status.epochsDone);
    return text;
}

}  // namespace

AssignmentDialog::AssignmentDialog(std::shared_ptr<const data::MnistData> data, QWidget* parent)
    : QDialog(parent), data_(std::move(data)), runner_(new TrainingRunner(QStringLiteral("assignment"), this)) {
    setWindowTitle(tr("Run the whole assignment"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Every training Parts II–IV need, at the assignment's settings (Adam 0.001, batch "
                                "128, 100 epochs): 12 autoencoders (3 decoders × L2, BCE × code 2, 7), the judge, "
                                "AE + P with the assignment's loss and with the default recipe, VAE + P and VAE + "
                                "generative P. Stop any time: Start continues where it stopped. The report is "
                                "written into the folder at the end."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    auto* folderRow = new QHBoxLayout;
    folder_ = new QLineEdit(this);
    folder_->setText(QSettings().value(kFolderKey, QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                                                        .filePath(QStringLiteral("learn2add/assignment")))
                         .toString());
    auto* browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = chooseFolder(this, tr("Folder of the assignment's runs"), folder_->text());
        if (!chosen.isEmpty()) setFolder(chosen);
    });
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Folder"), folderRow);
    epochs_ = new QSpinBox(this);
    epochs_->setRange(1, 10000);
    epochs_->setValue(100);
    epochs_->setToolTip(tr("Epochs of every run (the judge: at most 8). Fewer for a shorter look; a later Start "
                           "with more epochs extends the runs."));
    form->addRow(tr("Epochs"), epochs_);
    precision_ = makePrecisionBox();
    form->addRow(tr("Precision"), precision_);
    estimate_ = new QCheckBox(tr("Estimate each run's time first (a few batches of each kind, about 40 s)"), this);
    estimate_->setChecked(true);
    form->addRow(QString(), estimate_);
    measureTest_ = new QCheckBox(tr("Measure each addition model's test accuracy in the report"), this);
    measureTest_->setChecked(true);
    form->addRow(QString(), measureTest_);
    layout->addLayout(form);

    table_ = new QTableWidget(0, kColumns, this);
    table_->setHorizontalHeaderLabels({tr("Run"), tr("For"), tr("Epochs"), tr("State"), tr("Estimate")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->verticalHeader()->setVisible(false);
    table_->setWordWrap(false);
    for (const int column : {kRun, kFor, kEpochs, kEstimate}) {
        table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    table_->horizontalHeader()->setSectionResizeMode(kState, QHeaderView::Stretch);
    table_->setMinimumHeight(260);
    layout->addWidget(table_, 1);

    status_ = new QLabel(tr("Not started."), this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);
    auto* buttons = new QHBoxLayout;
    start_ = new QPushButton(tr("&Start"), this);
    stop_ = new QPushButton(tr("S&top"), this);
    auto* close = new QPushButton(tr("&Close"), this);
    buttons->addStretch(1);
    buttons->addWidget(start_);
    buttons->addWidget(stop_);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    connect(start_, &QPushButton::clicked, this, &AssignmentDialog::start);
    connect(stop_, &QPushButton::clicked, this, &AssignmentDialog::stop);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(runner_, &TrainingRunner::stateChanged, this, &AssignmentDialog::updateButtons);
    updateButtons();
    resize(900, 620);
}

AssignmentDialog::~AssignmentDialog() {
    runner_->shutdown();
}

QString AssignmentDialog::folder() const { return folder_->text().trimmed(); }

void AssignmentDialog::setFolder(const QString& folder) {
    folder_->setText(folder);
    QSettings().setValue(kFolderKey, folder);
}

void AssignmentDialog::setEpochs(int epochs) { epochs_->setValue(epochs); }
void AssignmentDialog::setEstimate(bool estimate) { estimate_->setChecked(estimate); }
void AssignmentDialog::setMeasureTest(bool measure) { measureTest_->setChecked(measure); }
bool AssignmentDialog::isRunning() const { return runner_->isRunning(); }
QString AssignmentDialog::statusText() const { return status_->text(); }

void AssignmentDialog::updateButtons() {
    const bool running = runner_->isRunning();
    start_->setEnabled(!running);
    stop_->setEnabled(running);
    for (QWidget* setting : std::initializer_list<QWidget*>{folder_, epochs_, precision_, estimate_, measureTest_}) {
        setting->setEnabled(!running);
    }
}

void AssignmentDialog::setCell(int row, int column, const QString& text) {
    if (row < 0 || row >= table_->rowCount()) return;
    auto* item = table_->item(row, column);
    if (item == nullptr) {
        item = new QTableWidgetItem;
        table_->setItem(row, column, item);
    }
    item->setText(text);
}

void AssignmentDialog::showPlan(const std::vector<train::PlannedRun>& plan,
                                const std::vector<train::PlannedRunStatus>& statuses) {
    table_->setRowCount(static_cast<int>(plan.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const auto& run = plan[static_cast<std::size_t>(row)];
        setCell(row, kRun, QString::fromStdString(run.name));
        setCell(row, kFor, QString::fromStdString(run.purpose));
        setCell(row, kEpochs, QString::number(train::epochsOf(run.request)));
        setCell(row, kState, stateText(statuses[static_cast<std::size_t>(row)]));
        setCell(row, kEstimate, QStringLiteral("–"));
    }
}

bool AssignmentDialog::start() {
    if (runner_->isRunning()) return false;
    if (!data_) {
        status_->setText(tr("Load the data first (File > Use the embedded data)."));
        return false;
    }
    if (folder().isEmpty()) {
        status_->setText(tr("Choose the folder of the runs."));
        return false;
    }
    QSettings().setValue(kFolderKey, folder());
    train::AssignmentSettings settings;
    settings.epochs = epochs_->value();
    settings.precision = precisionOf(*precision_);
    settings.maxBatchesPerEpoch = maxBatches_;
    const std::filesystem::path root = std::filesystem::absolute(folder().toStdString());
    const bool estimate = estimate_->isChecked();
    const bool measureTest = measureTest_->isChecked();
    const auto data = data_;
    status_->setText(tr("Reading the folder…"));
    // Everything below runs on the worker thread; what it shows is posted to the GUI thread.
    TrainingRunner* runner = runner_;
    auto outcome = std::make_shared<std::pair<bool, QString>>(false, QString());
    TrainingRunner::Run run;
    run.task = [=, this](train::TrainingControl& control, RunReports& reports) {
        std::filesystem::create_directories(root / "runs");
        const track::FolderLock lock = track::FolderLock::take(root, ".learn2add-assignment.lock",
                                                               "another assignment run");
        const auto plan = train::assignmentPlan(settings, root / "runs");
        std::vector<train::PlannedRunStatus> statuses;
        for (const auto& run : plan) statuses.push_back(train::statusOfPlannedRun(run));
        runner->post([this, plan, statuses] { showPlan(plan, statuses); });
        auto estimates = std::make_shared<std::vector<double>>(plan.size(), 0.0);
        if (estimate) {
            train::PlanEstimateCallbacks calibration;
            calibration.onCalibrating = [this, runner](const std::string& key) {
                runner->post([this, key] {
                    status_->setText(tr("Timing a few batches of %1…").arg(QString::fromStdString(key)));
                });
            };
            calibration.onEstimated = [this, runner](std::size_t i, double seconds) {
                runner->post([this, i, seconds] { setCell(static_cast<int>(i), kEstimate, formatDuration(seconds)); });
            };
            *estimates = train::estimatePlan(plan, statuses, data, control, calibration);
            for (double& seconds : *estimates) seconds = std::max(0.0, seconds);
        }
        if (control.cancelRequested()) {
            *outcome = {false, tr("Stopped before the first run: Start continues where it stopped.")};
            return;
        }
        auto current = std::make_shared<int>(0);
        train::PlanCallbacks callbacks;
        callbacks.onRunStart = [=, this](int index, int, const train::PlannedRun&, const train::PlannedRunStatus& status) {
            *current = index - 1;
            const QString state = status.state == train::PlannedRunStatus::State::Done ||
                                          status.state == train::PlannedRunStatus::State::Failed
                                      ? stateText(status)
                                      : tr("training");
            const QString detail = QString::fromStdString(status.detail);
            runner->post([this, index, state, detail] {
                setCell(index - 1, kState, state);
                table_->item(index - 1, kState)->setToolTip(detail);
                table_->scrollToItem(table_->item(index - 1, kRun));
            });
        };
        callbacks.training.onBatch = [=, this, &reports](const train::BatchReport& batch) {
            if (!reports.due(batch)) return;
            const int row = *current;
            double after = 0.0;
            for (std::size_t j = static_cast<std::size_t>(row) + 1; j < estimates->size(); ++j) after += (*estimates)[j];
            runner->post([this, row, batch, after] {
                setCell(row, kState, tr("epoch %1/%2, batch %3/%4").arg(batch.epoch).arg(batch.epochs)
                                         .arg(batch.batch).arg(batch.batchesPerEpoch));
                status_->setText(tr("Run %1 of %2, epoch %3 of %4: this run %5 left, the plan about %6.")
                                     .arg(row + 1).arg(table_->rowCount()).arg(batch.epoch).arg(batch.epochs)
                                     .arg(formatDuration(batch.etaSeconds), formatDuration(batch.etaSeconds + after)));
            });
        };
        callbacks.onRunEnd = [=, this](int index, const train::PlannedRun&, const train::RequestResult& result) {
            const QString state = QStringLiteral("%1 (%2 epochs, best %3)")
                                      .arg(QString::fromLatin1(train::toString(result.status)))
                                      .arg(result.epochsRun)
                                      .arg(result.bestEpoch);
            runner->post([this, index, state] { setCell(index - 1, kState, state); });
        };
        callbacks.onRunError = [=, this](int index, const train::PlannedRun&, const std::string& error) {
            const QString message = QString::fromStdString(error);
            runner->post([this, index, message] {
                setCell(index - 1, kState, tr("failed"));
                table_->item(index - 1, kState)->setToolTip(message);
            });
        };
        const train::PlanOutcome result = train::runAssignmentPlan(plan, data, callbacks, control);
        QString message = tr("%1 of %2 runs done").arg(result.done).arg(plan.size());
        if (result.failed > 0) message += tr(", %1 failed (see their tooltips)").arg(result.failed);
        if (result.cancelled) {
            *outcome = {false, message + tr("; stopped: Start continues where it stopped.")};
            return;
        }
        runner->post([this] { status_->setText(tr("Writing the report…")); });
        ReportRequest request;
        request.runs = {root / "runs"};
        request.out = root / "report";
        request.measureTest = measureTest;
        const ReportSummary summary = writeReport(request, {});
        *outcome = {result.failed == 0, message + tr("; report: %1").arg(QString::fromStdString(summary.pdf.string()))};
    };
    run.ended = [this, outcome](int, const std::optional<QString>& error) {
        const bool ok = !error && outcome->first;
        const QString message = error ? tr("Stopped: %1").arg(*error)
                                      : (outcome->second.isEmpty() ? tr("Stopped.") : outcome->second);
        status_->setText(message);
        updateButtons();
        Q_EMIT planFinished(ok, message);
    };
    runner_->enqueue(std::move(run));
    updateButtons();
    return true;
}

void AssignmentDialog::stop() {
    runner_->stop();
}

void AssignmentDialog::done(int result) {
    runner_->stop();
    QDialog::done(result);
}

}  // namespace learn2add::ui
