#pragma once
// The Addition page's morph: one input turned into another through the model's code space
// (infer/CodeMorph.h), linearly or along the great circle around the prior's mean. A slider t in
// [0, 1] decodes that point of the path live, with the judge's reading; a strip shows the whole
// path, and under it the sums the model draws for the same progress (from digit d0 to d1 >= d0,
// u = t (d1 - d0)): does 3 -> 5 by morphing look like 3 + u? The mean L2 between the two rows says
// how far apart they are. Each end is a test image or the explorer's input (a digit drawn there, or
// a point of a code manifold); a drawn digit has no known digit, so no sums are drawn for it.
//
// Threads: GUI thread only; every computation is a request to the AdditionInference (latest wins),
// made only while the panel is shown.
//
//   auto* morph = new AdditionMorphPanel(inference);
//   morph->setData(data);
//   morph->choose(3, 0, 5, 0);

#include <memory>
#include <utility>

#include "addition/AdditionViewTypes.h"
#include "data/LoadedData.h"
#include "widgets/OnDemandPanel.h"

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace learn2add::ui {

class AdditionInference;
class DigitMosaic;
class TestImageChoice;

// An end of a morph as asked for: its digit (-1: not known) and what to call it.
struct MorphEnd {
    int digit = -1;
    QString name;
};

class AdditionMorphPanel : public OnDemandPanel {
    Q_OBJECT
public:
    explicit AdditionMorphPanel(AdditionInference* inference, QWidget* parent = nullptr);

    void setData(std::shared_ptr<const LoadedData> data);
    // The index-th test image of `fromDigit` into the toIndex-th of `toDigit` (both ends become
    // test images).
    void choose(int fromDigit, int fromIndex, int toDigit, int toIndex);
    // The explorer's input (what an end set to "the explorer's input" morphs) and its name.
    void setExplorerInput(const AdditionInput& input, const QString& name);

    // Exposed for tests and screenshots.
    QSlider* tSlider() const { return t_; }
    QComboBox* pathBox() const { return path_; }
    QComboBox* fromSourceBox() const { return fromSource_; }
    QComboBox* toSourceBox() const { return toSource_; }
    QLabel* morphTitle() const { return morphTitle_; }
    QLabel* sumsTitle() const { return sumsTitle_; }
    QSpinBox* stepsBox() const { return steps_; }
    DigitMosaic* pointView() const { return point_; }
    DigitMosaic* morphStrip() const { return morph_; }
    DigitMosaic* sumStrip() const { return sums_; }
    QLabel* distanceLabel() const { return distance_; }
    quint64 lastMorphSequence() const { return shownMorph_; }
    quint64 lastRequestedMorph() const { return morphRequest_; }
    quint64 lastPointSequence() const { return shownPoint_; }

protected:
    bool requestAll() override;

private:
    QWidget* buildInputs();
    QWidget* buildViews();
    void onInputsChanged();
    bool requestMorph();
    void requestPoint();
    void showMorph(const MorphPicture& picture);
    void showPoint(const MorphPoint& point);
    infer::MorphPath path() const;
    // An end of the morph: the chosen test image or the explorer's input, and what to call it.
    AdditionInput endInput(bool from) const;
    QString endName(bool from) const;
    double t() const;

    AdditionInference* inference_;
    std::shared_ptr<const LoadedData> data_;
    quint64 morphRequest_ = 0, shownMorph_ = 0;
    quint64 pointRequest_ = 0, shownPoint_ = 0;

    TestImageChoice* from_ = nullptr;
    TestImageChoice* to_ = nullptr;
    QComboBox* fromSource_ = nullptr;
    QComboBox* toSource_ = nullptr;
    AdditionInput explorerInput_;
    QString explorerName_;
    std::pair<MorphEnd, MorphEnd> requestedEnds_;  // of the latest morph asked for
    DigitMosaic* inputs_ = nullptr;
    QComboBox* path_ = nullptr;
    QSpinBox* steps_ = nullptr;
    QSlider* t_ = nullptr;
    QLabel* tText_ = nullptr;
    DigitMosaic* point_ = nullptr;
    QLabel* morphTitle_ = nullptr;
    DigitMosaic* morph_ = nullptr;
    QLabel* sumsTitle_ = nullptr;
    DigitMosaic* sums_ = nullptr;
    QLabel* distance_ = nullptr;
};

}  // namespace learn2add::ui
