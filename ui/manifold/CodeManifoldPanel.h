#pragma once
// The code manifold of a model (the Addition page's model, the Autoencoder page's shown run): its
// decoder D over a plane of its codes, beside the validation codes in that plane coloured by digit. For a code of
// size 2 the plane is the code space; for 7 it is the PCA plane of the codes through their mean,
// and the panel says it is a slice. The range is where the validation codes lie or, for a
// variational encoder, ±3σ of its prior. Hovering the plane decodes that point live (with the
// judge's reading); clicking it hands the decoded digit to the addition explorer as its input.
//
// Threads: GUI thread only; every computation is a request to the model's CodeManifoldSource
// (latest wins). The manifold is computed only while the panel is shown.
//
//   auto* manifold = new CodeManifoldPanel(inference, tr("Open an addition run to see its codes."));
//   manifold->setData(data);
//   connect(manifold, &CodeManifoldPanel::inputChosen, explorer, ...);

#include <memory>

#include "addition/AdditionViewTypes.h"
#include "manifold/CodeManifoldTypes.h"
#include "data/LoadedData.h"
#include "widgets/OnDemandPanel.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace learn2add::ui {

class CodeManifoldSource;
class CodeManifoldView;
class DigitMosaic;

class CodeManifoldPanel : public OnDemandPanel {
    Q_OBJECT
public:
    // `noModelText`: what the panel says while its source has no model.
    CodeManifoldPanel(CodeManifoldSource* source, QString noModelText, QWidget* parent = nullptr);

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

    CodeManifoldSource* source_;
    QString noModelText_;
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
