#include "comparison/ComparisonPage.h"

#include <QSlider>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRandomGenerator>
#include <QShowEvent>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "addition/AddendControl.h"
#include "addition/TestImageChoice.h"
#include "comparison/ComparisonInference.h"
#include "comparison/ComparisonModelColumn.h"
#include "comparison/ComparisonModelRow.h"
#include "comparison/ComparisonReadingsTable.h"
#include "comparison/ComparisonRunBar.h"
#include "comparison/ExpectedDigitPlot.h"
#include "comparison/LatentPathPlot.h"
#include "plots/FigureExport.h"
#include "widgets/MessageBanner.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

const std::vector<double> kStripAddends = {1.0, 2.0, 1.5, 1.4, 1.6};
constexpr double kTransitionTo = 2.5;
constexpr int kTransitionPoints = 101;
constexpr int kDefaultSamples = 8;

QGroupBox* comparisonGroup(const QString& title, QLayout* layout) {
    auto* box = new QGroupBox(title);
    box->setLayout(layout);
    return box;
}

}  // namespace

ComparisonPage::ComparisonPage(QWidget* parent) : QWidget(parent) {
    inference_ = new ComparisonInference(this);
    // The accuracies on the test split (seconds of work per model) wait until the page is first
    // shown, so that they do not compete with the Addition page's grid at launch.
    inference_->setEvaluating(false);
    banner_ = new MessageBanner;
    runBar_ = new ComparisonRunBar;
    connect(runBar_, &ComparisonRunBar::openRequested, this,
            [this](int slot, const QString& folder) {
                if (slot == kJudgeSlot) {
                    openJudgeRun(folder);
                } else {
                    openRun(slot, folder);
                }
            });
    tabs_ = new QTabWidget;
    tabs_->addTab(buildOutputsTab(), tr("Side by side"));
    tabs_->addTab(buildModelsTab(), tr("Accuracy, grids and latent paths"));
    connectInference();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(banner_);
    layout->addWidget(runBar_);
    layout->addWidget(buildControls());
    layout->addWidget(tabs_, 1);
    onInputChanged();
}

ComparisonPage::~ComparisonPage() {
    shutdown();
}

void ComparisonPage::connectInference() {
    connect(inference_, &ComparisonInference::runOpened, this, &ComparisonPage::showRun);
    connect(inference_, &ComparisonInference::openFailed, this,
            [this](int slot, const QString& message) {
                const bool judge = slot == kJudgeSlot;
                const bool kept = judge ? inference_->hasJudge() : inference_->hasModel(slot);
                const QString what = judge ? tr("the judge run")
                                           : tr("a run in slot %1 (meant for %2)")
                                                 .arg(slot + 1)
                                                 .arg(ComparisonRunBar::intendedKind(slot));
                showMessage(tr("<b>Could not open %1.</b> %2<br>%3")
                                .arg(what, message.toHtmlEscaped(),
                                     kept ? tr("What the slot held is still in use.")
                                          : tr("The slot stays empty.")),
                            true);
            });
    connect(inference_, &ComparisonInference::viewReady, this, &ComparisonPage::showView);
    connect(inference_, &ComparisonInference::studyReady, this, &ComparisonPage::showStudy);
    connect(inference_, &ComparisonInference::latentReady, this, [this](const LatentCodes& codes) {
        column(codes.slot)->showCodes(codes);
        // The path and the ring need the plane just fitted.
        requestView();
        requestStudy();
    });
    connect(inference_, &ComparisonInference::gridReady, this,
            [this](const ModelGrid& grid) { column(grid.slot)->showGrid(grid.grid); });
    connect(inference_, &ComparisonInference::accuracyReady, this, &ComparisonPage::showAccuracy);
    connect(inference_, &ComparisonInference::failed, this, [this](const QString& message) {
        showMessage(tr("<b>Inference failed:</b> %1").arg(message.toHtmlEscaped()), true);
    });
}

QWidget* ComparisonPage::buildControls() {
    choice_ = new TestImageChoice(tr("The digit of the test image, shared by every model"), this);
    preview_ = new DigitMosaic(1);
    makeExportable(*preview_, tr("Compared input digit"));
    preview_->setFixedSize(52, 52);
    connect(choice_, &TestImageChoice::changed, this, [this] { onInputChanged(); });
    auto* input = new QHBoxLayout;
    input->addWidget(new QLabel(tr("Digit")));
    input->addWidget(choice_->digitBox());
    input->addWidget(new QLabel(tr("Index")));
    input->addWidget(choice_->indexBox());
    input->addWidget(choice_->rangeLabel());
    input->addWidget(preview_);

    addend_ = new AddendControl;
    addend_->slider()->setObjectName(QStringLiteral("probe-compare-slider"));
    connect(addend_, &AddendControl::addendChanged, this, [this](double addend) {
        requestView();
        transition_->markAddend(addend);
    });
    auto* addend = new QHBoxLayout;
    addend->addWidget(addend_);

    samples_ = new QSpinBox;
    samples_->setRange(1, 32);
    samples_->setValue(kDefaultSamples);
    samples_->setToolTip(tr("K: samples per variational model"));
    seed_ = new QSpinBox;
    seed_->setRange(0, 999999);
    seed_->setValue(1);
    seed_->setToolTip(tr("The samples' seed: the same seed draws the same samples"));
    auto* reseed = new QPushButton(tr("New seed"));
    connect(reseed, &QPushButton::clicked, this,
            [this] { seed_->setValue(QRandomGenerator::global()->bounded(1000000)); });
    connect(samples_, &QSpinBox::valueChanged, this, [this](int k) {
        for (ComparisonModelRow* row : rows_) row->setSampleCount(k);
        requestView();
    });
    connect(seed_, &QSpinBox::valueChanged, this, [this] { requestView(); });
    timing_ = new QLabel;
    timing_->setToolTip(tr("How long the last view took on the inference thread"));
    timing_->setStyleSheet(QStringLiteral("color:#666"));
    auto* sampling = new QHBoxLayout;
    sampling->addWidget(new QLabel(tr("K")));
    sampling->addWidget(samples_);
    sampling->addWidget(new QLabel(tr("Seed")));
    sampling->addWidget(seed_);
    sampling->addWidget(reseed);
    sampling->addWidget(timing_);

    auto* bar = new QWidget;
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(comparisonGroup(tr("Input: a test image"), input));
    layout->addWidget(comparisonGroup(tr("Addend, one for all models"), addend), 1);
    layout->addWidget(comparisonGroup(tr("Samples"), sampling));
    return bar;
}

QWidget* ComparisonPage::buildOutputsTab() {
    auto* rows = new QVBoxLayout;
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        rows_[static_cast<std::size_t>(slot)] = new ComparisonModelRow(slot);
        // Named for the latency harness (bench/xtest-latency.py, the app's --print-widgets).
        rows_[static_cast<std::size_t>(slot)]->setObjectName(QStringLiteral("probe-compare-row-%1").arg(slot));
        rows->addWidget(row(slot), 1);
    }
    transition_ = new ExpectedDigitPlot;
    transition_->clearCurves(tr("Open runs and a judge to see the transitions"));
    readings_ = new ComparisonReadingsTable;
    auto* numbers = new QVBoxLayout;
    auto* title =
        new QLabel(tr("<b>The judge's numbers</b>: digit read · expected digit Σ p<sub>d</sub>·d"));
    title->setTextFormat(Qt::RichText);
    numbers->addWidget(title);
    numbers->addWidget(readings_, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(transition_, 3);
    bottom->addLayout(numbers, 2);
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(rows, 3);
    layout->addLayout(bottom, 2);
    return tab;
}

QWidget* ComparisonPage::buildModelsTab() {
    auto* tab = new QWidget;
    auto* layout = new QHBoxLayout(tab);
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        columns_[static_cast<std::size_t>(slot)] = new ComparisonModelColumn(slot);
        layout->addWidget(column(slot), 1);
    }
    return tab;
}

void ComparisonPage::setData(std::shared_ptr<const LoadedData> data) {
    data_ = std::move(data);
    choice_->setTestSet(data_ ? &data_->mnist.test : nullptr);
    inference_->setData(data_);
    onInputChanged();
}

void ComparisonPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!evaluationStarted_) {
        evaluationStarted_ = true;
        inference_->setEvaluating(true);
    }
}

void ComparisonPage::openRun(int slot, const QString& folder) {
    inference_->openRun(slot, folder);
}

void ComparisonPage::openJudgeRun(const QString& folder) {
    inference_->openJudgeRun(folder);
}

void ComparisonPage::chooseTestImage(int digit, int index) {
    choice_->choose(digit, index);
    onInputChanged();
}

void ComparisonPage::showTab(int index) {
    tabs_->setCurrentIndex(index);
}

void ComparisonPage::shutdown() {
    inference_->shutdown();
}

AdditionInput ComparisonPage::currentInput() const {
    return choice_->input();
}

QString ComparisonPage::inputName() const {
    return input_.digit >= 0 ? QString::number(input_.digit) : tr("input");
}

void ComparisonPage::onInputChanged() {
    input_ = currentInput();
    preview_->setTiles({{input_.empty() ? QImage() : input_.toImage(), QString()}});
    addend_->setDigit(input_.digit);
    requestView();
    requestStudy();
}

void ComparisonPage::requestView() {
    if (input_.empty() || !inference_->hasAnyModel()) return;
    ComparisonViewRequest request;
    request.input = input_;
    request.settings.addend = addend_->addend();
    request.settings.samples = samples_->value();
    request.settings.seed = static_cast<std::uint64_t>(seed_->value());
    viewRequest_ = inference_->requestView(std::move(request));
}

void ComparisonPage::requestStudy() {
    if (input_.empty() || !inference_->hasAnyModel()) return;
    ComparisonStudyRequest request;
    request.input = input_;
    request.settings.stripAddends = kStripAddends;
    request.settings.transitionTo = kTransitionTo;
    request.settings.transitionPoints = kTransitionPoints;
    studyRequest_ = inference_->requestStudy(std::move(request));
}

void ComparisonPage::showRun(const ComparisonRunInfo& info) {
    runBar_->showRun(info);
    if (info.slot != kJudgeSlot) {
        names_[static_cast<std::size_t>(info.slot)] = info.displayName;
        readings_->setModel(info.slot, info.displayName);
        row(info.slot)->setRun(info);
        row(info.slot)->setSampleCount(samples_->value());
        column(info.slot)->setRun(info);
    } else {
        for (int slot = 0; slot < kComparisonSlots; ++slot) {
            if (!inference_->hasModel(slot)) continue;
            row(slot)->setAccuracy(tr("accuracy: measuring…"));
            column(slot)->setAccuracy(tr("Addition accuracy: measuring on the test split…"));
            readings_->setAccuracy(slot, tr("…"));
        }
    }
    if (banner_->kind() == MessageBanner::Kind::Error) banner_->hide();
    requestView();
    requestStudy();
}

void ComparisonPage::showView(const ComparisonView& view) {
    ++viewsReceived_;
    // Older answers may still arrive after a newer request; the newest one always comes.
    if (view.sequence < lastView_.sequence) return;
    lastView_ = view;
    for (const ModelView& model : view.rows) {
        row(model.slot)->showView(model, view.spreadScale, inputName(), view.addend);
        readings_->showCurrent(model.slot, model.read, model.expectedDigit);
        LatentPathPlot* plot = column(model.slot)->latentPlot();
        if (model.hasLatentPoint) {
            plot->markCode(model.latentX, model.latentY);
        } else {
            plot->hideMark();
        }
    }
    timing_->setText(tr("answered in %1 ms").arg(view.seconds * 1000.0, 0, 'f', 1));
}

void ComparisonPage::showStudy(const ComparisonStudy& study) {
    if (study.sequence != studyRequest_) return;
    lastStudy_ = study.sequence;
    std::array<std::vector<double>, kComparisonSlots> curves;
    for (const ModelStudy& model : study.models) {
        row(model.slot)->showStudy(model);
        readings_->showStrip(model.slot, study.digit, model.strip, model.stripExpected);
        curves[static_cast<std::size_t>(model.slot)] = model.expectedDigit;
        LatentPathPlot* plot = column(model.slot)->latentPlot();
        if (model.pathX.empty()) {
            plot->clearPath();
        } else {
            plot->showPath(model.pathX, model.pathY, model.pathAddends, study.digit);
        }
    }
    if (inference_->hasJudge()) {
        transition_->showCurves(study.transitionAddends, curves, names_, study.digit);
    } else {
        transition_->clearCurves(tr("Open a judge run to see the transitions"));
    }
    transition_->markAddend(addend_->addend());
}

void ComparisonPage::showAccuracy(const ModelAccuracy& a) {
    const QString share = QStringLiteral("%1%").arg(100.0 * a.overall, 0, 'f', 1);
    if (a.complete) {
        row(a.slot)->setAccuracy(tr("accuracy %1 (test split)").arg(share));
        column(a.slot)->setAccuracy(tr("Addition accuracy %1 (test split, %2 pairs)")
                                        .arg(share, QLocale().toString(a.pairs)));
        readings_->setAccuracy(a.slot, share);
        return;
    }
    const QString progress = tr("%1 of %2 test images").arg(a.imagesDone).arg(a.imagesTotal);
    row(a.slot)->setAccuracy(tr("accuracy: measuring… (%1)").arg(progress));
    column(a.slot)->setAccuracy(
        tr("Addition accuracy: measuring… %1 so far (%2)").arg(share, progress));
    readings_->setAccuracy(a.slot, tr("… %1").arg(share));
}

void ComparisonPage::showMessage(const QString& text, bool error) {
    banner_->showMessage(text, error ? MessageBanner::Kind::Error : MessageBanner::Kind::Notice);
}

}  // namespace learn2add::ui
