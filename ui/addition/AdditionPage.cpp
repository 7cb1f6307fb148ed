#include "addition/AdditionPage.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include "addition/AdditionExplorerPanel.h"
#include "addition/AdditionGridPanel.h"
#include "addition/AdditionInference.h"
#include "addition/AdditionFeaturePanel.h"
#include "addition/AdditionMorphPanel.h"
#include "manifold/CodeManifoldPanel.h"
#include "addition/AdditionProbesPanel.h"
#include "addition/AdditionTrainingPanel.h"
#include "addition/AdditionTrainingRunner.h"
#include "widgets/FolderDialog.h"
#include "widgets/MessageBanner.h"
#include "widgets/ShortFolder.h"

namespace learn2add::ui {

AdditionPage::AdditionPage(QWidget* parent) : QWidget(parent) {
    inference_ = new AdditionInference(this);
    banner_ = new MessageBanner;
    explorer_ = new AdditionExplorerPanel(inference_);
    grid_ = new AdditionGridPanel(inference_);
    manifold_ = new CodeManifoldPanel(inference_, tr("Open an addition run or train one to see its codes."));
    morph_ = new AdditionMorphPanel(inference_);
    features_ = new AdditionFeaturePanel(inference_);
    probes_ = new AdditionProbesPanel(inference_);
    training_ = new AdditionTrainingPanel;
    tabs_ = new QTabWidget;
    // Named for the latency harness (bench/xtest-latency.py, the app's --print-widgets).
    tabs_->tabBar()->setObjectName(QStringLiteral("probe-addition-tabs"));
    tabs_->addTab(explorer_, tr("Explore"));
    tabs_->addTab(grid_, tr("Digit-by-addend grid"));
    tabs_->addTab(manifold_, tr("Code manifold"));
    tabs_->addTab(morph_, tr("Morph"));
    tabs_->addTab(features_, tr("Feature maps"));
    tabs_->addTab(probes_, tr("Probes"));
    // The feature maps are of the explorer's input, taken when their tab is shown.
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        if (tabs_->currentWidget() == features_) {
            features_->setInput(explorer_->currentInput(), explorer_->inputName());
        }
    });
    tabs_->addTab(training_, tr("Train"));

    connect(inference_, &AdditionInference::additionRunOpened, this,
            [this](const OpenedRunInfo& info) {
                model_->setText(
                    tr("<b>Model:</b> %1 (%2)").arg(shortFolder(info.folder).toHtmlEscaped(), info.description));
                model_->setToolTip(info.folder);
                training_->showRunHistory(info);  // its curves on the Train tab
                if (banner_->kind() == MessageBanner::Kind::Error) banner_->hide();
                refreshViews();
            });
    connect(inference_, &AdditionInference::judgeRunOpened, this,
            [this](const OpenedRunInfo& info) {
                judge_->setText(
                    tr("<b>Judge:</b> %1 (%2)").arg(shortFolder(info.folder).toHtmlEscaped(), info.description));
                judge_->setToolTip(info.folder);
                training_->suggestJudgeRun(info.folder);
                if (banner_->kind() == MessageBanner::Kind::Error) banner_->hide();
                refreshViews();
            });
    connect(inference_, &AdditionInference::modelReplaced, this,
            [this](const QString& description) {
                model_->setText(tr("<b>Model:</b> %1").arg(description.toHtmlEscaped()));
                refreshViews();
            });
    connect(inference_, &AdditionInference::openFailed, this,
            [this](const QString& what, const QString& message) {
                const bool judge = what == QLatin1String("judge");
                const bool kept = judge ? inference_->hasJudge() : inference_->hasModel();
                showMessage(tr("<b>Could not open the %1 run.</b> %2<br>%3")
                                .arg(judge ? tr("judge") : tr("addition"), message.toHtmlEscaped(),
                                     kept ? tr("The %1 opened before is still in use.")
                                                .arg(judge ? tr("judge") : tr("model"))
                                          : tr("Nothing is open yet.")),
                            true);
            });
    connect(inference_, &AdditionInference::failed, this, [this](const QString& message) {
        showMessage(tr("<b>Inference failed:</b> %1").arg(message.toHtmlEscaped()), true);
    });
    connect(training_->runner(), &AdditionTrainingRunner::epochFinished, this,
            [this](const AdditionEpochValues& report,
                   const std::shared_ptr<AdditionModelSnapshot>& model) {
                grid_->addEpochGrid(report.grid);
                inference_->useModel(model);
            });
    connect(training_->runner(), &AdditionTrainingRunner::started, this, [this] {
        grid_->clearHistory();
        // A refusal of an earlier try no longer holds once a training starts.
        if (banner_->isVisible() && banner_->kind() == MessageBanner::Kind::Error) banner_->hide();
    });
    connect(training_, &AdditionTrainingPanel::message, this, &AdditionPage::showMessage);
    // F5 / F6 / Shift+F5 from any tab of this page (and only while it is shown); training
    // from another tab shows the training tab.
    addActions(training_->shortcutActions());
    connect(training_->trainAction(), &QAction::triggered, this,
            [this] { tabs_->setCurrentWidget(training_); });
    connect(grid_, &AdditionGridPanel::message, this, &AdditionPage::showMessage);
    connect(manifold_, &CodeManifoldPanel::inputChosen, this, &AdditionPage::exploreInput);
    connect(explorer_, &AdditionExplorerPanel::inputChanged, morph_, &AdditionMorphPanel::setExplorerInput);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(banner_);
    layout->addWidget(buildRunBar());
    layout->addWidget(tabs_, 1);
}

void AdditionPage::exploreInput(const AdditionInput& input, const QString& name) {
    explorer_->useManifoldPoint(input, name);
    tabs_->setCurrentWidget(explorer_);
}

AdditionPage::~AdditionPage() {
    shutdown();
}

QWidget* AdditionPage::buildRunBar() {
    auto* openModel = new QPushButton(tr("Open addition run…"));
    openModel->setToolTip(tr("A folder written by learn2add-cli train addition (or this page)"));
    connect(openModel, &QPushButton::clicked, this, [this] {
        const QString folder = chooseFolder(this, tr("Open an addition run"));
        if (!folder.isEmpty()) openAdditionRun(folder);
    });
    auto* openJudge = new QPushButton(tr("Open judge run…"));
    openJudge->setToolTip(tr("A folder written by learn2add-cli train judge"));
    connect(openJudge, &QPushButton::clicked, this, [this] {
        const QString folder = chooseFolder(this, tr("Open a judge run"));
        if (!folder.isEmpty()) openJudgeRun(folder);
    });
    model_ = new QLabel(tr("<b>Model:</b> none. Open an addition run or train one."));
    judge_ = new QLabel(tr("<b>Judge:</b> none. Open a judge run to read the outputs."));
    for (QLabel* label : {model_, judge_}) {
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // A run's folder is shown short (the tooltip has it whole); the label never widens the window.
        label->setWordWrap(true);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(openModel);
    layout->addWidget(model_, 1);
    layout->addWidget(openJudge);
    layout->addWidget(judge_, 1);
    return bar;
}

void AdditionPage::setData(std::shared_ptr<const LoadedData> data) {
    explorer_->setData(data);
    grid_->setData(data);
    manifold_->setData(data);
    morph_->setData(data);
    probes_->setData(data);
    training_->setData(data ? std::shared_ptr<const data::MnistData>(data, &data->mnist) : nullptr);
}

void AdditionPage::openAdditionRun(const QString& folder) {
    inference_->openAdditionRun(folder);
}

void AdditionPage::openJudgeRun(const QString& folder) {
    inference_->openJudgeRun(folder);
}

void AdditionPage::showTab(int index) {
    tabs_->setCurrentIndex(index);
}

QStringList AdditionPage::tabNames() {
    return {"explore", "grid", "manifold", "morph", "features", "probes", "train"};
}

bool AdditionPage::showTab(const QString& name) {
    const int index = static_cast<int>(tabNames().indexOf(name.toLower()));
    if (index < 0 || index >= tabs_->count()) return false;
    tabs_->setCurrentIndex(index);
    return true;
}

void AdditionPage::shutdown() {
    training_->shutdown();
    inference_->shutdown();
}

QString AdditionPage::modelText() const {
    return model_->text();
}

QString AdditionPage::judgeText() const {
    return judge_->text();
}

void AdditionPage::refreshViews() {
    explorer_->refresh();
    grid_->refresh();
    manifold_->refresh();
    morph_->refresh();
    features_->refresh();
    probes_->refresh();
}

void AdditionPage::showMessage(const QString& text, bool error) {
    banner_->showMessage(text, error ? MessageBanner::Kind::Error : MessageBanner::Kind::Notice);
}

}  // namespace learn2add::ui
