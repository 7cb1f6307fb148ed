#include "shell/MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include "addition/AddendControl.h"
#include "addition/AdditionExplorerPanel.h"
#include "addition/AdditionInference.h"
#include "addition/AdditionPage.h"
#include "addition/AdditionTrainingPanel.h"
#include "autoencoder/AutoencoderPage.h"
#include "autoencoder/AutoencoderSettingsPanel.h"
#include "comparison/ComparisonPage.h"
#include "data/DataLoader.h"
#include "data/DataPage.h"
#include "common/Precision.h"
#include "infer/InferenceThread.h"
#include "infer/RunKind.h"
#include "models/AdditionVariant.h"
#include "plots/FigureExportMenu.h"
#include "widgets/FolderDialog.h"
#include "widgets/PrecisionBox.h"
#include "widgets/MessageBanner.h"
#include "shell/RecentRuns.h"
#include "shell/AssignmentDialog.h"
#include "shell/ReportDialog.h"

namespace learn2add::ui {

MainWindow::MainWindow(const MainWindowOptions& options, QWidget* parent)
    : QMainWindow(parent), options_(options), inference_(infer::InferenceThread::shared()) {
    setWindowTitle(tr("Learn2Add"));
    resize(1280, 800);

    loader_ = new DataLoader(this);
    connect(loader_, &DataLoader::loaded, this, &MainWindow::onDataLoaded);
    connect(loader_, &DataLoader::failed, this, &MainWindow::onDataFailed);

    banner_ = new MessageBanner;
    pageList_ = new QListWidget;
    pageList_->setFixedWidth(120);
    pageList_->setSpacing(2);
    pages_ = new QStackedWidget;
    connect(pageList_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);

    dataPage_ = new DataPage;
    addPage(tr("Data"), dataPage_);
    connect(this, &MainWindow::dataChanged, dataPage_, &DataPage::showData);
    autoencoderPage_ = new AutoencoderPage;
    addPage(tr("Autoencoder"), autoencoderPage_);
    connect(this, &MainWindow::dataChanged, autoencoderPage_, &AutoencoderPage::setData);
    additionPage_ = new AdditionPage;
    addPage(tr("Addition"), additionPage_);
    connect(this, &MainWindow::dataChanged, additionPage_, &AdditionPage::setData);
    // The judge the Addition page opened (shipped, --judge-run, its picker, File > Open run…)
    // also reads the Autoencoder page's manifold points.
    connect(additionPage_->inference(), &AdditionInference::judgeRunOpened, autoencoderPage_,
            [this](const OpenedRunInfo& info) { autoencoderPage_->openJudgeRun(info.folder); });
    // A point of a Part II run's code manifold, clicked: add to it in the addition explorer.
    connect(autoencoderPage_, &AutoencoderPage::inputChosen, this,
            [this](const AdditionInput& input, const QString& name) {
                additionPage_->exploreInput(input, name);
                showPage(QStringLiteral("Addition"));
            });
    comparisonPage_ = new ComparisonPage;
    addPage(tr("Compare"), comparisonPage_);
    connect(this, &MainWindow::dataChanged, comparisonPage_, &ComparisonPage::setData);
    pageList_->setCurrentRow(0);

    auto* body = new QWidget;
    auto* bodyLayout = new QHBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(pageList_);
    bodyLayout->addWidget(pages_, 1);
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(banner_);
    layout->addWidget(body, 1);
    setCentralWidget(central);

    dataStatus_ = new QLabel;
    statusBar()->addPermanentWidget(dataStatus_);
    createMenus();
    setViewPrecision(options_.viewPrecision);
    // The toolbar's "Export figure" (Ctrl+E) lists the figures of the page on show.
    (new FigureExportMenu([this] { return currentPage(); }, this))->addTo(*this);
    openData(options_.dataFolder);
}

MainWindow::~MainWindow() {
    if (options_.rememberSettings && !settingsSaved_) saveSettings();
    autoencoderPage_->shutdownTraining();
    additionPage_->shutdown();
    comparisonPage_->shutdown();
    loader_->waitForIdle();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // The window goes at once, whatever is running: the workers are asked to stop and waited for
    // with the window already hidden, so a close never looks ignored while a batch finishes.
    hide();
    if (options_.rememberSettings) saveSettings();
    if (reportDialog_) reportDialog_->cancelExport();  // stops at its next step
    if (assignmentDialog_) assignmentDialog_->stop();   // at its next batch; resumable
    autoencoderPage_->shutdownTraining();
    additionPage_->shutdown();
    comparisonPage_->shutdown();
    QMainWindow::closeEvent(event);
}

void MainWindow::addPage(const QString& name, QWidget* page) {
    // A page larger than the window scrolls instead of raising the window's minimum size (a
    // QStackedWidget is as large as its largest page, shown or not), so the window fits a laptop.
    auto* scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    pages_->addWidget(scroll);
    pageList_->addItem(name);
}

QWidget* MainWindow::currentPage() const {
    const auto* scroll = qobject_cast<const QScrollArea*>(pages_->currentWidget());
    return scroll ? scroll->widget() : nullptr;
}

QString MainWindow::currentPageName() const {
    const auto* item = pageList_->currentItem();
    return item ? item->text() : QString();
}

bool MainWindow::showPage(const QString& name) {
    for (int row = 0; row < pageList_->count(); ++row) {
        if (pageList_->item(row)->text().compare(name, Qt::CaseInsensitive) == 0) {
            pageList_->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open MNIST folder…"), this, &MainWindow::chooseMnistFolder);
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    open->setStatusTip(tr("Use a folder with train-/t10k- images and labels (raw or .gz)"));
    file->addAction(tr("Use the &embedded data"), this, [this] { openData(std::nullopt); });
    file->addSeparator();
    QAction* openRunAction = file->addAction(tr("Open &run…"), this, &MainWindow::chooseRun);
    openRunAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openRunAction->setStatusTip(
        tr("Open an autoencoder, judge or addition run folder (learn2add-cli train …) on its "
           "page"));
    recentRunsMenu_ = file->addMenu(tr("Recent &runs"));
    connect(recentRunsMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentRunsMenu);
    file->addSeparator();
    QAction* report = file->addAction(tr("Export &report…"), this, &MainWindow::showReportDialog);
    report->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    report->setStatusTip(tr("Write every assignment figure, the tables and a PDF from the runs to a folder"));
    QAction* assignment = file->addAction(tr("Run the whole &assignment…"), this, &MainWindow::showAssignmentDialog);
    assignment->setStatusTip(tr("Train every run Parts II–IV need at the assignment's settings, resumably, then "
                                "write the report"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));  // not every platform theme has one

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QMenu* precision = settings->addMenu(tr("Precision of the &views"));
    precision->setToolTipsVisible(true);
    viewPrecisions_ = new QActionGroup(this);
    for (const auto& [name, text] : precisionChoices()) {
        QAction* action = precision->addAction(text);
        action->setCheckable(true);
        action->setData(name);
        action->setToolTip(tr("What the views compute (grids, explorer, comparison, manifold, "
                              "morph, feature maps, probes) runs in %1; trainings keep their "
                              "form's precision")
                               .arg(text));
        viewPrecisions_->addAction(action);
        connect(action, &QAction::triggered, this, [this, name] { setViewPrecision(name); });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* keys = help->addAction(tr("&Keyboard shortcuts"), this,
                                    [this] { showShortcutsDialog(); });
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    help->addAction(tr("&About Learn2Add"), this, [this] {
        QMessageBox::about(this, tr("About Learn2Add"),
                           tr("<b>Learn2Add %1</b><p>Autoencoders for MNIST digits, a model that adds "
                              "a real number to the image of a digit, and their variational "
                              "versions, trained and explored live.</p>")
                               .arg(LEARN2ADD_VERSION));
    });
}

namespace {

ShortcutEntry shortcutEntry(const QAction& action, const QString& where) {
    QString text = action.text().remove(QLatin1Char('&'));
    if (text.endsWith(QChar(0x2026))) text.chop(1);
    return {action.shortcut().toString(QKeySequence::NativeText), text.trimmed(), where};
}

}  // namespace

bool MainWindow::openShippedModels() {
    const QString shipped = shippedModelsFolder();
    if (shipped.isEmpty()) return false;
    additionPage_->openJudgeRun(shipped + "/judge");
    additionPage_->openAdditionRun(shipped + "/addition");
    comparisonPage_->openJudgeRun(shipped + "/judge");
    // A Compare slot per model, in kAllAdditionVariants' order; each folder named by its run kind.
    for (const auto variant : models::kAllAdditionVariants) {
        const QString folder = shipped + "/" + QString::fromStdString(models::toString(variant));
        if (QDir(folder).exists("best.pt")) {
            comparisonPage_->openRun(static_cast<int>(variant), folder);
        }
    }
    return true;
}

QList<ShortcutEntry> MainWindow::shortcuts() const {
    QList<ShortcutEntry> everywhere;
    QList<ShortcutEntry> onPages;
    QSet<const QAction*> pageActions;
    for (int index = 0; index < pages_->count(); ++index) {
        const auto* scroll = qobject_cast<const QScrollArea*>(pages_->widget(index));
        if (!scroll || !scroll->widget()) continue;
        const QString where = pageList_->item(index)->text();
        for (const QAction* action : scroll->widget()->findChildren<QAction*>()) {
            pageActions.insert(action);
            if (!action->shortcut().isEmpty()) onPages.append(shortcutEntry(*action, where));
        }
    }
    for (const QAction* action : findChildren<QAction*>()) {
        if (pageActions.contains(action) || action->shortcut().isEmpty()) continue;
        everywhere.append(shortcutEntry(*action, tr("Everywhere")));
    }
    return everywhere + onPages;
}

KeyboardShortcutsDialog* MainWindow::showShortcutsDialog() {
    auto* dialog = new KeyboardShortcutsDialog(shortcuts(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::saveSettings() {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    settings.setValue("window/page", currentPageName());
    settings.setValue("views/precision", viewPrecision());
    settings.beginGroup("autoencoder");
    autoencoderPage_->settings()->saveSettings(settings);
    settings.endGroup();
    settings.beginGroup("additionTraining");
    additionPage_->trainingPanel()->saveSettings(settings);
    settings.endGroup();
    settings.beginGroup("explorer");
    settings.setValue("digit", additionPage_->explorer()->testDigit());
    settings.setValue("addend", additionPage_->explorer()->addendControl()->addend());
    settings.endGroup();
    settingsSaved_ = true;
}

void MainWindow::restoreSettings() {
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());  // false: keeps the default
    restoreState(settings.value("window/state").toByteArray());
    showPage(settings.value("window/page").toString());  // an unknown name changes nothing
    setViewPrecision(settings.value("views/precision").toString());  // ditto
    settings.beginGroup("autoencoder");
    autoencoderPage_->settings()->restoreSettings(settings);
    settings.endGroup();
    settings.beginGroup("additionTraining");
    additionPage_->trainingPanel()->restoreSettings(settings);
    settings.endGroup();
    settings.beginGroup("explorer");
    bool ok = false;
    const int digit = settings.value("digit").toString().toInt(&ok);
    if (ok && digit >= 0 && digit <= 9) additionPage_->explorer()->chooseTestImage(digit, 0);
    const double addend = settings.value("addend").toString().toDouble(&ok);
    if (ok && addend >= 0.0 && addend <= AddendControl::kMaximum) {
        additionPage_->explorer()->addendControl()->setAddend(addend);
    }
    settings.endGroup();
}

bool MainWindow::setViewPrecision(const QString& name) {
    for (QAction* action : viewPrecisions_->actions()) {
        if (action->data().toString() != name) continue;
        action->setChecked(true);
        inference_->setPrecision(precisionFromString(name.toStdString()));
        return true;
    }
    return false;
}

QString MainWindow::viewPrecision() const {
    const QAction* checked = viewPrecisions_->checkedAction();
    return checked ? checked->data().toString() : QStringLiteral("auto");
}

void MainWindow::chooseRun() {
    const QString folder = chooseFolder(this, tr("Open a run folder"));
    if (!folder.isEmpty()) openRun(folder);
}

void MainWindow::fillRecentRunsMenu() {
    recentRunsMenu_->clear();
    const QStringList folders = RecentRuns().folders();
    for (const QString& folder : folders) {
        recentRunsMenu_->addAction(folder, this, [this, folder] { openRun(folder); });
    }
    if (folders.isEmpty()) recentRunsMenu_->addAction(tr("(none yet)"))->setEnabled(false);
}

bool MainWindow::openRun(const QString& folder) {
    infer::RunKind kind;
    try {
        kind = infer::readRunKind(folder.toStdString());
    } catch (const infer::RunOpenError& error) {
        banner_->showMessage(QString::fromStdString(error.what()).toHtmlEscaped(),
                             MessageBanner::Kind::Error);
        return false;
    }
    switch (kind.family) {
        case infer::RunFamily::Autoencoder:
            autoencoderPage_->openRun(folder);
            showPage(QStringLiteral("Autoencoder"));
            break;
        case infer::RunFamily::Judge:
            additionPage_->openJudgeRun(folder);
            comparisonPage_->openJudgeRun(folder);
            showPage(QStringLiteral("Addition"));
            break;
        case infer::RunFamily::Addition:
            additionPage_->openAdditionRun(folder);
            // The Compare page has a slot per model, in kAllAdditionVariants' order.
            comparisonPage_->openRun(static_cast<int>(kind.variant), folder);
            showPage(QStringLiteral("Addition"));
            break;
    }
    RecentRuns().add(folder);
    statusBar()->showMessage(tr("Opening %1 (%2)…").arg(folder, QString::fromStdString(kind.name)), 5000);
    return true;
}

void MainWindow::chooseMnistFolder() {
    const QString folder =
        chooseFolder(this, tr("Open an MNIST folder (train-images-idx3-ubyte, … raw or .gz)"));
    if (!folder.isEmpty()) openData(folder);
}

void MainWindow::openData(std::optional<QString> folder) {
    statusBar()->showMessage(folder ? tr("Loading %1…").arg(*folder) : tr("Loading the embedded data…"));
    loader_->load(std::move(folder), options_.seed);
}

void MainWindow::onDataLoaded(std::shared_ptr<const LoadedData> data) {
    data_ = std::move(data);
    statusBar()->clearMessage();
    // A long data folder is elided in the middle (the tooltip has it whole): it must not widen the
    // window.
    dataStatus_->setText(tr("Data: %1 · %2 / %3 / %4 images")
                             .arg(dataStatus_->fontMetrics().elidedText(
                                 QString::fromStdString(data_->mnist.source), Qt::ElideMiddle, 360))
                             .arg(data_->mnist.train.size())
                             .arg(data_->mnist.validation.size())
                             .arg(data_->mnist.test.size()));
    dataStatus_->setToolTip(QString::fromStdString(data_->mnist.source));
    if (banner_->kind() == MessageBanner::Kind::Error) banner_->hide();
    Q_EMIT dataChanged(data_);
}

void MainWindow::onDataFailed(const QString& message) {
    statusBar()->clearMessage();
    banner_->showMessage(tr("<b>Could not load the data.</b> %1<br>%2")
                             .arg(message.toHtmlEscaped(),
                                  data_ ? tr("The data loaded before is still in use.")
                                        : tr("No data is loaded.")),
                         MessageBanner::Kind::Error);
}

namespace {

std::shared_ptr<const data::MnistData> mnistOf(const std::shared_ptr<const LoadedData>& loaded) {
    return loaded ? std::shared_ptr<const data::MnistData>(loaded, &loaded->mnist) : nullptr;
}

}  // namespace

AssignmentDialog* MainWindow::showAssignmentDialog() {
    if (!assignmentDialog_) {
        assignmentDialog_ = new AssignmentDialog(mnistOf(data_), this);
        connect(this, &MainWindow::dataChanged, assignmentDialog_,
                [this](std::shared_ptr<const LoadedData> data) { assignmentDialog_->setData(mnistOf(data)); });
        connect(assignmentDialog_, &AssignmentDialog::planFinished, this, [this](bool ok, const QString& message) {
            banner_->showMessage(message.toHtmlEscaped(), ok ? MessageBanner::Kind::Notice : MessageBanner::Kind::Error);
        });
    }
    assignmentDialog_->show();
    assignmentDialog_->raise();
    return assignmentDialog_;
}

ReportDialog* MainWindow::showReportDialog() {
    if (!reportDialog_) {
        reportDialog_ = new ReportDialog(defaultReportFolders(RecentRuns().folders()), this);
        connect(reportDialog_, &ReportDialog::exportFinished, this, [this](bool ok, const QString& message) {
            banner_->showMessage(message.toHtmlEscaped(), ok ? MessageBanner::Kind::Notice : MessageBanner::Kind::Error);
        });
    }
    reportDialog_->show();
    reportDialog_->raise();
    return reportDialog_;
}

}  // namespace learn2add::ui
