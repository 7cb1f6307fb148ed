#include "addition/AdditionFeaturePanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "addition/AddendControl.h"
#include "addition/AdditionInference.h"
#include "addition/FeatureMapView.h"

namespace learn2add::ui {

AdditionFeaturePanel::AdditionFeaturePanel(AdditionInference* inference, QWidget* parent)
    : OnDemandPanel(parent), inference_(inference) {
    addend_ = new AddendControl;
    addend_->setAddend(1.0);
    connect(addend_, &AddendControl::addendChanged, this, [this] { requestAll(); });
    inputText_ = new QLabel;
    view_ = new FeatureMapView;
    tile_ = new QLabel(tr("Hover a tile to read its channel and activation range."));
    tile_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    connect(view_, &FeatureMapView::hoveredTile, this, [this](const QString& description) {
        tile_->setText(description.isEmpty() ? tr("Hover a tile to read its channel and activation range.")
                                             : description);
    });
    auto* top = new QHBoxLayout;
    top->addWidget(inputText_);
    top->addWidget(addend_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    layout->addWidget(tile_);
    connect(inference_, &AdditionInference::featureMapsReady, this, &AdditionFeaturePanel::showMaps);
    setInput({}, {});
}

void AdditionFeaturePanel::setInput(const AdditionInput& input, const QString& name) {
    input_ = input;
    name_ = name;
    addend_->setDigit(input.digit);
    inputText_->setText(input.empty() ? tr("Input: none (choose one in the Explore tab)")
                                      : tr("Input: %1 (the Explore tab's)").arg(name));
    refresh();
}

bool AdditionFeaturePanel::requestAll() {
    if (input_.empty() || !inference_->hasModel()) {
        requested_ = 0;
        view_->showChart({});  // no maps of an input that is gone
        return false;
    }
    requested_ = inference_->requestFeatureMaps(input_, addend_->addend(), name_);
    return true;
}

void AdditionFeaturePanel::showMaps(const FeatureMapPicture& picture) {
    if (picture.sequence != requested_) return;
    shown_ = picture.sequence;
    view_->showChart(picture.chart);
}

}  // namespace learn2add::ui
