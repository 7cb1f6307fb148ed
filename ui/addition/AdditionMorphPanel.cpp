#include "addition/AdditionMorphPanel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include "addition/AdditionInference.h"
#include "addition/TestImageChoice.h"
#include "plots/FigureExport.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

constexpr int kSliderSteps = 100;
constexpr int kExplorerSource = 1;  // the item of an end's source box that takes the explorer's input

QString number(double value) {
    return QString::number(value, 'f', 2);
}

std::vector<DigitTile> stripTiles(const std::vector<StudyTile>& tiles, const QString& prefix) {
    std::vector<DigitTile> out;
    for (const StudyTile& tile : tiles) out.push_back({tile.image, prefix + number(tile.addend), tile.read});
    return out;
}

}  // namespace

AdditionMorphPanel::AdditionMorphPanel(AdditionInference* inference, QWidget* parent)
    : OnDemandPanel(parent), inference_(inference) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildInputs());
    layout->addWidget(buildViews(), 1);
    connect(inference_, &AdditionInference::morphReady, this, &AdditionMorphPanel::showMorph);
    connect(inference_, &AdditionInference::morphPointReady, this, &AdditionMorphPanel::showPoint);
}

QWidget* AdditionMorphPanel::buildInputs() {
    from_ = new TestImageChoice(tr("The digit of the first test image"), this);
    to_ = new TestImageChoice(tr("The digit of the last test image"), this);
    from_->choose(3, 0);
    to_->choose(5, 0);
    connect(from_, &TestImageChoice::changed, this, &AdditionMorphPanel::onInputsChanged);
    connect(to_, &TestImageChoice::changed, this, &AdditionMorphPanel::onInputsChanged);
    for (QComboBox** source : {&fromSource_, &toSource_}) {
        *source = new QComboBox;
        (*source)->addItem(tr("A test image"));
        (*source)->addItem(tr("The explorer's input"));
        (*source)->setToolTip(tr("A test image chosen below, or the Explore tab's input: a digit "
                                 "drawn there, a test image or a point of a code manifold"));
        connect(*source, &QComboBox::currentIndexChanged, this, &AdditionMorphPanel::onInputsChanged);
    }
    inputs_ = new DigitMosaic(2);
    inputs_->setMinimumSize(150, 90);
    inputs_->setMaximumHeight(120);
    path_ = new QComboBox;
    path_->addItem(tr("Linear"));
    path_->addItem(tr("Spherical"));
    path_->setToolTip(tr("Linear: (1 - t) z0 + t z1. Spherical: along the great circle through both "
                         "codes around the prior's mean (the way between two samples of a VAE's prior), "
                         "the length changing linearly"));
    connect(path_, &QComboBox::currentIndexChanged, this, &AdditionMorphPanel::onInputsChanged);
    steps_ = new QSpinBox;
    steps_->setRange(3, 15);
    steps_->setValue(9);
    steps_->setToolTip(tr("Images of the strips, t = 0 to 1"));
    connect(steps_, &QSpinBox::valueChanged, this, [this] { requestMorph(); });

    auto* form = new QGridLayout;
    form->addWidget(new QLabel(tr("From")), 0, 0);
    form->addWidget(fromSource_, 0, 1, 1, 2);
    form->addWidget(from_->digitBox(), 1, 0);
    form->addWidget(from_->indexBox(), 1, 1);
    form->addWidget(from_->rangeLabel(), 1, 2);
    form->addWidget(new QLabel(tr("To")), 2, 0);
    form->addWidget(toSource_, 2, 1, 1, 2);
    form->addWidget(to_->digitBox(), 3, 0);
    form->addWidget(to_->indexBox(), 3, 1);
    form->addWidget(to_->rangeLabel(), 3, 2);
    form->addWidget(inputs_, 4, 0, 1, 3);
    form->addWidget(new QLabel(tr("Path")), 5, 0);
    form->addWidget(path_, 5, 1, 1, 2);
    form->addWidget(new QLabel(tr("Steps")), 6, 0);
    form->addWidget(steps_, 6, 1);
    form->setRowStretch(7, 1);
    auto* box = new QGroupBox(tr("Two inputs (digit, index)"));
    box->setLayout(form);
    box->setFixedWidth(230);
    return box;
}

QWidget* AdditionMorphPanel::buildViews() {
    t_ = new QSlider(Qt::Horizontal);
    t_->setRange(0, kSliderSteps);
    t_->setToolTip(tr("How far along the path from the first code to the last"));
    tText_ = new QLabel;
    connect(t_, &QSlider::valueChanged, this, [this] { requestPoint(); });
    point_ = new DigitMosaic(1);
    makeExportable(*point_, tr("Morph at t"));
    point_->setMinimumSize(130, 150);
    auto* explanation = new QLabel(
        tr("Both images are encoded by E and the code is moved from one to the other; D draws each "
           "step. Under the morph, the sums the model draws for the same progress: from digit d0 "
           "to d1, t adds u = t (d1 - d0). Adding is not morphing when the sum passes through the "
           "digits between."));
    explanation->setWordWrap(true);
    auto* top = new QGridLayout;
    top->addWidget(new QLabel(tr("t")), 0, 0);
    top->addWidget(t_, 0, 1);
    top->addWidget(tText_, 0, 2);
    top->addWidget(point_, 1, 0, 1, 2);
    top->addWidget(explanation, 1, 2);
    top->setColumnStretch(1, 1);
    top->setColumnStretch(2, 2);

    morphTitle_ = new QLabel;
    morph_ = new DigitMosaic(9);
    makeExportable(*morph_, tr("Morph strip"));
    sumsTitle_ = new QLabel;
    sums_ = new DigitMosaic(9);
    makeExportable(*sums_, tr("Sums for the same progress"));
    for (DigitMosaic* strip : {morph_, sums_}) strip->setMinimumHeight(125);
    distance_ = new QLabel;
    auto* layout = new QVBoxLayout;
    layout->addLayout(top);
    layout->addWidget(morphTitle_);
    layout->addWidget(morph_);
    layout->addWidget(sumsTitle_);
    layout->addWidget(sums_);
    layout->addWidget(distance_);
    layout->addStretch(1);
    auto* box = new QGroupBox(tr("Morph through the code space (E → interpolate → D)"));
    box->setLayout(layout);
    return box;
}

void AdditionMorphPanel::setData(std::shared_ptr<const LoadedData> data) {
    data_ = std::move(data);
    const data::DigitSet* test = data_ ? &data_->mnist.test : nullptr;
    from_->setTestSet(test);
    to_->setTestSet(test);
    onInputsChanged();
}

void AdditionMorphPanel::choose(int fromDigit, int fromIndex, int toDigit, int toIndex) {
    for (QComboBox* source : {fromSource_, toSource_}) {
        const QSignalBlocker quiet(source);  // one request below, not one per box
        source->setCurrentIndex(0);          // a test image
    }
    from_->choose(fromDigit, fromIndex);
    to_->choose(toDigit, toIndex);
    onInputsChanged();
}

infer::MorphPath AdditionMorphPanel::path() const {
    return path_->currentIndex() == 1 ? infer::MorphPath::Spherical : infer::MorphPath::Linear;
}

double AdditionMorphPanel::t() const {
    return static_cast<double>(t_->value()) / kSliderSteps;
}

void AdditionMorphPanel::setExplorerInput(const AdditionInput& input, const QString& name) {
    explorerInput_ = input;
    explorerName_ = name;
    if (fromSource_->currentIndex() == kExplorerSource || toSource_->currentIndex() == kExplorerSource) {
        onInputsChanged();
    }
}

AdditionInput AdditionMorphPanel::endInput(bool from) const {
    const QComboBox* source = from ? fromSource_ : toSource_;
    if (source->currentIndex() == kExplorerSource) return explorerInput_;
    return (from ? from_ : to_)->input();
}

QString AdditionMorphPanel::endName(bool from) const {
    const QComboBox* source = from ? fromSource_ : toSource_;
    if (source->currentIndex() == kExplorerSource) {
        return explorerName_.isEmpty() ? tr("the explorer's input") : explorerName_;
    }
    return QString::number((from ? from_ : to_)->digit());
}

void AdditionMorphPanel::onInputsChanged() {
    for (const bool from : {true, false}) {
        TestImageChoice* choice = from ? from_ : to_;
        const bool testImage = (from ? fromSource_ : toSource_)->currentIndex() != kExplorerSource;
        choice->digitBox()->setEnabled(testImage);
        choice->indexBox()->setEnabled(testImage);
    }
    const AdditionInput from = endInput(true), to = endInput(false);
    // Short captions under the small tiles; the strip's title names the ends in full.
    const auto caption = [this](bool from) {
        const bool explorer = (from ? fromSource_ : toSource_)->currentIndex() == kExplorerSource;
        const QString name = explorer ? tr("explorer") : endName(from);
        return from ? tr("from %1").arg(name) : tr("to %1").arg(name);
    };
    inputs_->setTiles({{from.empty() ? QImage() : from.toImage(), caption(true)},
                       {to.empty() ? QImage() : to.toImage(), caption(false)}});
    refresh();
}

bool AdditionMorphPanel::requestAll() {
    const bool asked = requestMorph();
    requestPoint();
    return asked;
}

bool AdditionMorphPanel::requestMorph() {
    const AdditionInput from = endInput(true), to = endInput(false);
    if (from.empty() || to.empty() || !inference_->hasModel()) return false;
    MorphRequest request;
    request.from = from;
    request.to = to;
    request.settings.steps = steps_->value();
    request.settings.path = path();
    // The strip's captions name the ends it was asked for, not those chosen since.
    requestedEnds_ = {{from.digit, endName(true)}, {to.digit, endName(false)}};
    morphRequest_ = inference_->requestMorph(std::move(request));
    return true;
}

void AdditionMorphPanel::requestPoint() {
    tText_->setText(tr("t = %1").arg(number(t())));
    const AdditionInput from = endInput(true), to = endInput(false);
    if (from.empty() || to.empty() || !inference_->hasModel()) return;
    pointRequest_ = inference_->requestMorphPoint(from, to, t(), path());
}

void AdditionMorphPanel::showMorph(const MorphPicture& picture) {
    if (picture.sequence != morphRequest_) return;
    shownMorph_ = picture.sequence;
    const int from = requestedEnds_.first.digit, to = requestedEnds_.second.digit;
    const int columns = static_cast<int>(picture.morph.size());
    morph_->setColumns(columns);
    sums_->setColumns(columns);
    morphTitle_->setText(tr("Morph %1 → %2 (%3), t = 0 … 1")
                             .arg(requestedEnds_.first.name, requestedEnds_.second.name,
                                  path_->currentText().toLower()));
    morph_->setTiles(stripTiles(picture.morph, tr("t=")));
    if (picture.sums.empty()) {
        sumsTitle_->setText(from < 0 || to < 0
                                ? tr("No sums: the digit of a drawn input or a point of a manifold "
                                     "is not known, so no addend goes with the progress.")
                                : tr("No sums: adding goes up, and %1 is below %2.").arg(to).arg(from));
        sums_->setTiles({});
        distance_->clear();
        return;
    }
    sumsTitle_->setText(tr("%1 + u for the same progress, u = %2 t").arg(from).arg(to - from));
    sums_->setTiles(stripTiles(picture.sums, tr("+")));
    distance_->setText(tr("Mean L2 per pixel between the two rows at equal t: %1")
                           .arg(QString::number(picture.meanL2, 'f', 4)));
}

void AdditionMorphPanel::showPoint(const MorphPoint& point) {
    if (point.sequence != pointRequest_) return;
    shownPoint_ = point.sequence;
    point_->setTiles({{point.image, tr("t = %1").arg(number(point.t)), point.read}});
}

}  // namespace learn2add::ui
