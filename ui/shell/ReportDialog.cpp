#include "shell/ReportDialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <stdexcept>

#include "report/ReportWriter.h"
#include "widgets/FolderDialog.h"

namespace learn2add::ui {
namespace {

const QString kOutputKey = QStringLiteral("report/outputFolder");
const QString kMeasureKey = QStringLiteral("report/measureTest");

class ExportCancelled : public std::runtime_error {
public:
    ExportCancelled() : std::runtime_error("export cancelled") {}
};

QString describe(const ReportSummary& summary) {
    QString text = QStringLiteral("Wrote %1: %2 figures in %3 s")
                       .arg(QString::fromStdString(summary.pdf.string()))
                       .arg(summary.figures)
                       .arg(summary.seconds, 0, 'f', 1);
    if (!summary.missing.empty()) {
        text += QStringLiteral("; %1 figure(s) missing, listed in the PDF with the commands that make them")
                    .arg(summary.missing.size());
    }
    if (!summary.skipped.empty()) text += QStringLiteral("; %1 folder(s) not used").arg(summary.skipped.size());
    return text;
}

}  // namespace

QString shippedModelsFolder() {
    const QDir folder(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/learn2add/pretrained"));
    return folder.exists(QStringLiteral("addition/best.pt")) && folder.exists(QStringLiteral("judge/best.pt"))
               ? folder.absolutePath()
               : QString();
}

QStringList defaultReportFolders(const QStringList& recentRuns) {
    QStringList folders;
    const auto add = [&](const QString& folder) {
        if (!folder.isEmpty() && QDir(folder).exists() && !folders.contains(QDir(folder).absolutePath())) {
            folders << QDir(folder).absolutePath();
        }
    };
    add(shippedModelsFolder());
    add(QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
            .filePath(QStringLiteral("learn2add/runs")));
    for (const QString& run : recentRuns) add(run);
    return folders;
}

ReportDialog::ReportDialog(const QStringList& runFolders, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Export report"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Run folders (a run, or a folder of runs). The report draws every assignment "
                                "figure these runs can make and lists the others with the command that "
                                "trains their run."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    runs_ = new QListWidget(this);
    runs_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    layout->addWidget(runs_);
    auto* runButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add folder…"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    runButtons->addWidget(add);
    runButtons->addWidget(remove);
    runButtons->addStretch();
    layout->addLayout(runButtons);

    auto* form = new QFormLayout;
    output_ = new QLineEdit(this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(output_);
    outputRow->addWidget(browse);
    form->addRow(tr("Write to"), outputRow);
    measureTest_ = new QCheckBox(tr("Measure each model's test accuracy (about 5,000 images per model: slower)"), this);
    form->addRow(QString(), measureTest_);
    layout->addLayout(form);

    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    export_ = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    openPdf_ = buttons->addButton(tr("Open PDF"), QDialogButtonBox::ActionRole);
    openPdf_->setEnabled(false);
    layout->addWidget(buttons);

    QSettings settings;
    output_->setText(settings.value(kOutputKey, QDir::home().filePath(QStringLiteral("learn2add-report"))).toString());
    measureTest_->setChecked(settings.value(kMeasureKey, false).toBool());
    setRunFolders(runFolders);

    connect(add, &QPushButton::clicked, this, &ReportDialog::addFolder);
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(runs_->selectedItems()); });
    connect(browse, &QPushButton::clicked, this, &ReportDialog::chooseOutput);
    // The Export button must not close the dialog: the export reports here.
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(export_, &QPushButton::clicked, this, [this] { startExport(); });
    connect(openPdf_, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(pdf_)); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&watcher_, &QFutureWatcher<ReportOutcome>::finished, this, &ReportDialog::onFinished);
    resize(680, 380);
}

ReportDialog::~ReportDialog() {
    cancelExport();
    watcher_.waitForFinished();
}

QStringList ReportDialog::runFolders() const {
    QStringList folders;
    for (int i = 0; i < runs_->count(); ++i) folders << runs_->item(i)->text();
    return folders;
}

void ReportDialog::setRunFolders(const QStringList& folders) {
    runs_->clear();
    runs_->addItems(folders);
}

QString ReportDialog::outputFolder() const {
    return output_->text().trimmed();
}

void ReportDialog::setOutputFolder(const QString& folder) {
    output_->setText(folder);
}

void ReportDialog::setMeasureTest(bool measure) {
    measureTest_->setChecked(measure);
}

bool ReportDialog::startExport() {
    if (isExporting()) return false;
    if (runs_->count() == 0 || outputFolder().isEmpty()) {
        status_->setText(runs_->count() == 0 ? tr("Add at least one run folder.") : tr("Choose a folder to write to."));
        return false;
    }
    QSettings settings;
    settings.setValue(kOutputKey, outputFolder());
    settings.setValue(kMeasureKey, measureTest_->isChecked());

    ReportRequest request;
    for (const QString& folder : runFolders()) request.runs.emplace_back(folder.toStdString());
    request.out = outputFolder().toStdString();
    request.measureTest = measureTest_->isChecked();
    cancel_ = std::make_shared<std::atomic_bool>(false);
    export_->setEnabled(false);
    openPdf_->setEnabled(false);
    status_->setText(tr("Reading the runs…"));
    // The worker reports each step back to this dialog (dropped if the dialog is gone).
    QPointer<ReportDialog> self(this);
    const auto cancel = cancel_;
    watcher_.setFuture(QtConcurrent::run([request, cancel, self]() -> ReportOutcome {
        try {
            const ReportSummary summary = writeReport(request, [&](const std::string& step) {
                if (cancel->load()) throw ExportCancelled();
                QMetaObject::invokeMethod(
                    self.data(), [self, text = QString::fromStdString(step)] {
                        if (self) self->showStep(text);
                    },
                    Qt::QueuedConnection);
            });
            return {true, describe(summary), QString::fromStdString(summary.pdf.string())};
        } catch (const std::exception& error) {
            return {false, QStringLiteral("The report was not written: %1").arg(QString::fromUtf8(error.what())), {}};
        }
    }));
    return true;
}

void ReportDialog::done(int result) {
    cancelExport();
    QDialog::done(result);
}

void ReportDialog::showStep(const QString& step) {
    if (isExporting()) status_->setText(tr("Writing the report: %1").arg(step));
}

void ReportDialog::onFinished() {
    const ReportOutcome outcome = watcher_.result();
    export_->setEnabled(true);
    pdf_ = outcome.pdf;
    openPdf_->setEnabled(outcome.ok);
    status_->setText(outcome.message);
    Q_EMIT exportFinished(outcome.ok, outcome.message);
}

void ReportDialog::addFolder() {
    const QString folder = chooseFolder(this, tr("Add a run folder or a folder of runs"));
    if (!folder.isEmpty() && !runFolders().contains(folder)) runs_->addItem(folder);
}

void ReportDialog::chooseOutput() {
    const QString folder = chooseFolder(this, tr("Write the report to"), outputFolder());
    if (!folder.isEmpty()) output_->setText(folder);
}

}  // namespace learn2add::ui
