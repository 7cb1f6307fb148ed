#include "addition/AdditionExplorerPanel.h"

#include <QSlider>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QVBoxLayout>

#include "addition/AddendControl.h"
#include "addition/AdditionGridView.h"
#include "addition/AdditionInference.h"
#include "addition/TestImageChoice.h"
#include "addition/DigitCanvas.h"
#include "addition/DigitTransitionPlot.h"
#include "addition/JudgeProbabilityPlot.h"
#include "plots/FigureExport.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

const std::vector<double> kAssignmentAddends = {1.0, 2.0, 1.5, 1.4, 1.6};
constexpr double kSweepStep = 0.1;
constexpr int kSweepColumns = 11;
constexpr int kTransitionPointsPerUnit = 50;

QDoubleSpinBox* rangeBox(double value, const QString& tip) {
    auto* box = new QDoubleSpinBox;
    box->setRange(0.0, 12.0);
    box->setDecimals(1);
    box->setSingleStep(0.5);
    box->setValue(value);
    box->setKeyboardTracking(false);
    box->setToolTip(tip);
    return box;
}

QString tileCaption(double addend, int read) {
    const QString added = QStringLiteral("+%1").arg(addend, 0, 'g', 3);
    return read >= 0 ? QStringLiteral("%1→%2").arg(added).arg(read) : added;
}

QGroupBox* explorerGroup(const QString& title, QLayout* layout) {
    auto* box = new QGroupBox(title);
    box->setLayout(layout);
    return box;
}

}  // namespace

AdditionExplorerPanel::AdditionExplorerPanel(AdditionInference* inference, QWidget* parent)
    : QWidget(parent), inference_(inference) {
    connect(inference_, &AdditionInference::outputReady, this, &AdditionExplorerPanel::showOutput);
    connect(inference_, &AdditionInference::studyReady, this, &AdditionExplorerPanel::showStudy);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildInputBox());
    auto* right = new QVBoxLayout;
    right->addWidget(buildOutputBox(), 0);
    right->addWidget(buildStudyBox(), 1);
    layout->addLayout(right, 1);
    onInputChanged();
}

QWidget* AdditionExplorerPanel::buildInputBox() {
    fromTest_ = new QRadioButton(tr("A test image"));
    fromTest_->setChecked(true);
    fromCanvas_ = new QRadioButton(tr("A digit drawn below"));
    fromManifold_ = new QRadioButton(tr("A point of the code manifold"));
    fromManifold_->hide();  // until a point of the manifold is chosen
    choice_ = new TestImageChoice(tr("The digit of the test image"), this);
    random_ = new QPushButton(tr("Random"));
    random_->setToolTip(tr("A random test image of a random digit"));
    inputPreview_ = new DigitMosaic(1);
    makeExportable(*inputPreview_, tr("Input digit"));
    inputPreview_->setMinimumSize(84, 84);
    inputPreview_->setMaximumHeight(110);

    // One answer per switch of the input's source: from the source switched on.
    for (QRadioButton* source : {fromTest_, fromCanvas_, fromManifold_}) {
        connect(source, &QRadioButton::toggled, this, [this](bool on) {
            if (on) onInputChanged();
        });
    }
    connect(choice_, &TestImageChoice::changed, this, [this] {
        fromTest_->setChecked(true);
        onInputChanged();
    });
    connect(random_, &QPushButton::clicked, this, [this] {
        if (!data_) return;
        const int digit = QRandomGenerator::global()->bounded(10);
        const auto count = data_->mnist.test.indicesOf(digit).size();
        chooseTestImage(digit,
                        count ? QRandomGenerator::global()->bounded(static_cast<int>(count)) : 0);
    });

    canvas_ = new DigitCanvas;
    connect(canvas_, &DigitCanvas::drawn, this, [this] { useDrawnDigit(); });
    auto* clear = new QPushButton(tr("Clear"));
    clear->setToolTip(tr("Wipe the drawing"));
    connect(clear, &QPushButton::clicked, this, [this] {
        canvas_->clear();
        if (fromCanvas_->isChecked()) onInputChanged();
    });

    auto* form = new QGridLayout;
    form->addWidget(fromTest_, 0, 0, 1, 3);
    form->addWidget(new QLabel(tr("Digit")), 1, 0);
    form->addWidget(choice_->digitBox(), 1, 1);
    form->addWidget(random_, 1, 2);
    form->addWidget(new QLabel(tr("Index")), 2, 0);
    form->addWidget(choice_->indexBox(), 2, 1);
    form->addWidget(choice_->rangeLabel(), 2, 2);
    form->addWidget(fromManifold_, 3, 0, 1, 3);
    form->addWidget(inputPreview_, 4, 0, 1, 3);
    form->addWidget(fromCanvas_, 5, 0, 1, 3);
    form->addWidget(canvas_, 6, 0, 1, 3);
    form->addWidget(clear, 7, 0, 1, 3);
    // The model's digit-by-addend grid in small, so the first screen shows it beside the slider
    // (the Digit-by-addend tab has the full figure); a click on a column picks that digit.
    gridPreview_ = new AdditionGridView;
    makeExportable(*gridPreview_, tr("Digit-by-addend grid (preview)"));
    gridPreview_->setMinimumSize(200, 200);
    gridPreview_->setToolTip(tr("The digit-by-addend grid (full size in its own tab); click a "
                                "column to add to that digit"));
    connect(inference_, &AdditionInference::gridReady, gridPreview_,
            [this](quint64, const GridPicture& grid) { gridPreview_->showGrid(grid); });
    connect(gridPreview_, &AdditionGridView::columnClicked, choice_->digitBox(), &QSpinBox::setValue);
    form->addWidget(gridPreview_, 8, 0, 1, 3);
    form->setRowStretch(8, 1);
    auto* box = explorerGroup(tr("Input"), form);
    box->setFixedWidth(230);
    return box;
}

QWidget* AdditionExplorerPanel::buildOutputBox() {
    addend_ = new AddendControl;
    connect(addend_, &AddendControl::addendChanged, this, [this](double addend) {
        requestOutput();
        transition_->markAddend(addend);
    });
    output_ = new DigitMosaic(1);
    // Named for the latency harness (bench/xtest-latency.py, the app's --print-widgets).
    addend_->slider()->setObjectName(QStringLiteral("probe-explorer-slider"));
    output_->setObjectName(QStringLiteral("probe-explorer-output"));
    makeExportable(*output_, tr("Generated image"));
    output_->setMinimumSize(220, 240);
    probabilities_ = new JudgeProbabilityPlot;
    probabilities_->showProbabilities({});

    auto* row = new QHBoxLayout;
    row->addWidget(output_, 2);
    row->addWidget(probabilities_, 3);
    auto* layout = new QVBoxLayout;
    layout->addWidget(addend_);
    layout->addLayout(row, 1);
    return explorerGroup(tr("Input + addend → generated image (E → P → D)"), layout);
}

QWidget* AdditionExplorerPanel::buildStudyBox() {
    stripTitle_ = new QLabel;
    strip_ = new DigitMosaic(static_cast<int>(kAssignmentAddends.size()));
    makeExportable(*strip_, tr("Fractional addends strip"));
    strip_->setMinimumHeight(70);
    sweep_ = new DigitMosaic(kSweepColumns);
    makeExportable(*sweep_, tr("Addend sweep"));
    sweep_->setMinimumHeight(90);
    sweepFrom_ = rangeBox(0.0, tr("First addend of the sweep strip"));
    sweepTo_ = rangeBox(3.0, tr("Last addend of the sweep strip (0.1 steps, at most 101 images)"));
    transition_ = new DigitTransitionPlot;
    transitionFrom_ = rangeBox(0.0, tr("Start of the transition plot's addend range"));
    transitionTo_ = rangeBox(2.5, tr("End of the transition plot's addend range"));
    for (QDoubleSpinBox* box : {sweepFrom_, sweepTo_, transitionFrom_, transitionTo_}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, &AdditionExplorerPanel::requestStudy);
    }

    auto* sweepRow = new QHBoxLayout;
    sweepRow->addWidget(new QLabel(tr("Sweep in 0.1 steps from")));
    sweepRow->addWidget(sweepFrom_);
    sweepRow->addWidget(new QLabel(tr("to")));
    sweepRow->addWidget(sweepTo_);
    sweepRow->addStretch(1);
    sweepRow->addWidget(new QLabel(tr("Transition over u from")));
    sweepRow->addWidget(transitionFrom_);
    sweepRow->addWidget(new QLabel(tr("to")));
    sweepRow->addWidget(transitionTo_);

    auto* strips = new QVBoxLayout;
    strips->addWidget(stripTitle_);
    strips->addWidget(strip_, 1);
    strips->addLayout(sweepRow);
    strips->addWidget(sweep_, 2);
    auto* layout = new QHBoxLayout;
    layout->addLayout(strips, 3);
    layout->addWidget(transition_, 2);
    return explorerGroup(tr("Fractional addends"), layout);
}

void AdditionExplorerPanel::setData(std::shared_ptr<const LoadedData> data) {
    data_ = std::move(data);
    choice_->setTestSet(data_ ? &data_->mnist.test : nullptr);
    onInputChanged();
}

void AdditionExplorerPanel::chooseTestImage(int digit, int index) {
    choice_->choose(digit, index);
    fromTest_->setChecked(true);
    onInputChanged();
}

int AdditionExplorerPanel::testDigit() const {
    return choice_->digit();
}

void AdditionExplorerPanel::useDrawnDigit() {
    if (fromCanvas_->isChecked()) {
        onInputChanged();
    } else {
        fromCanvas_->setChecked(true);  // toggled() → onInputChanged()
    }
}

void AdditionExplorerPanel::useManifoldPoint(const AdditionInput& input, const QString& name) {
    manifoldInput_ = input;
    manifoldName_ = name;
    fromManifold_->setToolTip(tr("The decoding of the code manifold's %1, clicked on its tab").arg(name));
    fromManifold_->show();
    if (fromManifold_->isChecked()) {
        onInputChanged();
    } else {
        fromManifold_->setChecked(true);  // toggled() → onInputChanged()
    }
}

AdditionInput AdditionExplorerPanel::currentInput() const {
    if (fromManifold_->isChecked()) return manifoldInput_;
    if (fromCanvas_->isChecked()) {
        // A blank canvas is no digit: nothing to add to, and nothing for the judge to read.
        return canvas_->isBlank() ? AdditionInput{} : AdditionInput::fromImage(canvas_->image());
    }
    return choice_->input();
}

QString AdditionExplorerPanel::inputName() const {
    if (fromManifold_->isChecked()) return manifoldName_;
    return fromCanvas_->isChecked() ? tr("drawn digit") : QString::number(choice_->digit());
}

void AdditionExplorerPanel::onInputChanged() {
    input_ = currentInput();
    inputPreview_->setTiles(
        {{input_.empty() || fromCanvas_->isChecked() ? QImage() : input_.toImage(), QString()}});
    addend_->setDigit(input_.digit);
    stripTitle_->setText(
        tr("The assignment's strip: %1 + 1, 2, 1.5, 1.4, 1.6 (→ the judge's reading)")
            .arg(inputName()));
    Q_EMIT inputChanged(input_, inputName());
    if (input_.empty()) {
        showNoInput();
        return;
    }
    requestOutput();
    requestStudy();
}

void AdditionExplorerPanel::showNoInput() {
    // Answers still on their way are for the old input: they are dropped when they come.
    lastOutput_ = {};
    droppedOutputsUpTo_ = outputRequest_;
    studyRequest_ = 0;
    output_->setTiles(
        {{QImage(), fromCanvas_->isChecked() ? tr("Draw a digit in the box") : QString()}});
    probabilities_->showProbabilities({});
    strip_->setTiles({});
    sweep_->setTiles({});
}

void AdditionExplorerPanel::refresh() {
    requestOutput();
    requestStudy();
}

void AdditionExplorerPanel::requestOutput() {
    if (input_.empty() || !inference_->hasModel()) return;
    outputRequest_ = inference_->requestOutput(input_, addend_->addend());
}

void AdditionExplorerPanel::requestStudy() {
    StudyRequest request;
    request.input = input_;
    if (request.input.empty() || !inference_->hasModel()) return;
    infer::InputStudySettings& study = request.settings;
    study.stripAddends = kAssignmentAddends;
    study.sweepFrom = std::min(sweepFrom_->value(), sweepTo_->value());
    study.sweepTo = std::max(sweepFrom_->value(), sweepTo_->value());
    study.sweepStep = kSweepStep;
    study.transitionFrom = std::min(transitionFrom_->value(), transitionTo_->value());
    study.transitionTo = std::max(transitionFrom_->value(), transitionTo_->value());
    if (study.transitionTo - study.transitionFrom < 0.1) study.transitionTo += 0.1;
    study.transitionPoints =
        static_cast<int>((study.transitionTo - study.transitionFrom) * kTransitionPointsPerUnit) + 1;
    studyRequest_ = inference_->requestStudy(std::move(request));
}

void AdditionExplorerPanel::showOutput(const OutputResult& result) {
    // Older answers may still arrive after a newer request; the newest one always comes.
    if (result.sequence < lastOutput_.sequence || result.sequence <= droppedOutputsUpTo_) return;
    lastOutput_ = result;
    const QString caption = result.read >= 0
                                ? tr("%1 + %2 → the judge reads %3")
                                      .arg(inputName())
                                      .arg(result.addend, 0, 'f', 2)
                                      .arg(result.read)
                                : tr("%1 + %2").arg(inputName()).arg(result.addend, 0, 'f', 2);
    output_->setTiles({{result.image, caption}});
    probabilities_->showProbabilities(result.probabilities);
}

void AdditionExplorerPanel::showStudy(const StudyResult& result) {
    if (result.sequence != studyRequest_) return;
    std::vector<DigitMosaic::Tile> tiles;
    for (const StudyTile& tile : result.strip) {
        tiles.push_back({tile.image, tileCaption(tile.addend, tile.read)});
    }
    strip_->setTiles(std::move(tiles));
    std::vector<DigitMosaic::Tile> sweep;
    for (const StudyTile& tile : result.sweep) {
        sweep.push_back({tile.image, tileCaption(tile.addend, tile.read)});
    }
    sweep_->setColumns(
        std::min<int>(kSweepColumns, std::max<int>(1, static_cast<int>(sweep.size()))));
    sweep_->setTiles(std::move(sweep));
    const bool judged = !result.transition[0].empty();
    transition_->showCurves(result.transitionAddends, result.transition,
                            judged ? tr("Judge: P(digit) for %1 + u").arg(inputName())
                                   : tr("Open a judge run to see the transition"));
    transition_->markAddend(addend_->addend());
}

}  // namespace learn2add::ui
