#pragma once
// The Addition page's code manifold (issue: see inside the models): the model's decoder D over a
// plane of its codes, beside the validation codes in that plane coloured by digit. For a code of
// size 2 the plane is the code space; for 7 it is the PCA plane of the codes through their mean,
// and the panel says it is a slice. The range is where the validation codes lie or, for a
// variational encoder, ±3σ of its prior. Hovering the plane decodes that point live (with the
// judge's reading); clicking it hands the decoded digit to the explorer as its input.
//
// Threads: GUI thread only; every computation is a request to the AdditionInference (latest wins).
// The manifold is computed only while the panel is shown.
//
//   auto* manifold = new AdditionManifoldPanel(inference);
//   manifold->setData(data);
//   connect(manifold, &AdditionManifoldPanel::inputChosen, explorer, ...);

#include <memory>

#include "addition/AdditionViewTypes.h"
#include "data/LoadedData.h"
#include "widgets/OnDemandPanel.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace learn2add::ui {

class AdditionInference;
class CodeManifoldView;
class DigitMosaic;

class AdditionManifoldPanel : public OnDemandPanel {
    Q_OBJECT
public:
    explicit AdditionManifoldPanel(AdditionInference* inference, QWidget* parent = nullptr);

    void setData(std::shared_ptr<const LoadedData> data);

    // Exposed for tests and screenshots.
    CodeManifoldView* view() const { return view_; }
    QSpinBox* stepsBox() const { return steps_; }
    QComboBox* rangeBox() const { return range_; }
    DigitMosaic* pointView() const { return point_; }
    QLabel* planeLabel() const { return plane_; }
    quint64 lastManifoldSequence() const { return shownManifold_; }
    quint64 lastRequestedManifold() const { return manifoldRequest_; }
    quint64 lastPointSequence() const { return shownPoint_; }

Q_SIGNALS:
    // A clicked point's decoding, to be the explorer's input; `name` says where it lies.
    void inputChosen(learn2add::ui::AdditionInput input, QString name);

protected:
    bool requestAll() override;

private:
    bool requestManifold();
    void requestPoint(QPointF point, bool chosen);
    void showManifold(const ManifoldPicture& picture);
    void showPoint(const PlanePoint& point);

    AdditionInference* inference_;
    std::shared_ptr<const LoadedData> data_;
    quint64 manifoldRequest_ = 0;
    quint64 shownManifold_ = 0;
    quint64 pointRequest_ = 0;
    quint64 chosenRequest_ = 0;  // the clicked point's request; its answer goes to the explorer
    quint64 shownPoint_ = 0;

    CodeManifoldView* view_ = nullptr;
    QSpinBox* steps_ = nullptr;
    QComboBox* range_ = nullptr;
    QLabel* plane_ = nullptr;
    DigitMosaic* point_ = nullptr;
    QLabel* pointText_ = nullptr;
};

}  // namespace learn2add::ui
