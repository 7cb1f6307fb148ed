#pragma once
// The Addition page's feature maps: for the explorer's input and an addend of its own slider, every
// channel of the encoder's three stages (of the input) and of the decoder's stages (of the sum
// D(P(E(x), u))), the strongest first; hovering a tile says its channel and activation range. The
// maps follow the slider as the explorer's output does.
//
// Threads: GUI thread only; the maps are a request to the AdditionInference (latest wins), made
// only while the panel is shown.
//
//   auto* features = new AdditionFeaturePanel(inference);
//   features->setInput(explorer->currentInput(), "7");


#include "addition/AdditionViewTypes.h"
#include "widgets/OnDemandPanel.h"

class QLabel;

namespace learn2add::ui {

class AddendControl;
class AdditionInference;
class FeatureMapView;

class AdditionFeaturePanel : public OnDemandPanel {
    Q_OBJECT
public:
    explicit AdditionFeaturePanel(AdditionInference* inference, QWidget* parent = nullptr);

    // The input whose maps are shown (empty: none); `name` for captions ("7", "drawn digit").
    void setInput(const AdditionInput& input, const QString& name);

    // Exposed for tests and screenshots.
    AddendControl* addendControl() const { return addend_; }
    FeatureMapView* view() const { return view_; }
    QLabel* tileLabel() const { return tile_; }
    quint64 lastShownSequence() const { return shown_; }
    quint64 lastRequestedSequence() const { return requested_; }

protected:
    bool requestAll() override;

private:
    void showMaps(const FeatureMapPicture& picture);

    AdditionInference* inference_;
    AdditionInput input_;
    QString name_;
    quint64 requested_ = 0, shown_ = 0;

    AddendControl* addend_ = nullptr;
    QLabel* inputText_ = nullptr;
    FeatureMapView* view_ = nullptr;
    QLabel* tile_ = nullptr;
};

}  // namespace learn2add::ui
