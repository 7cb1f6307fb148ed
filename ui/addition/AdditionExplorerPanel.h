#pragma once
// The explorer of the Addition page: choose an input (a test image by digit and index, or a digit
// drawn with the mouse), drag the addend, and see the generated image follow, with the judge's
// class probabilities; the assignment's strip (d + 1, 2, 1.5, 1.4, 1.6), a sweep strip over a
// chosen addend range in 0.1 steps, and the transition plot (the judge's probability of each
// digit as the addend sweeps a range).
//
// Threads: GUI thread only. Every computation is a request to the AdditionInference (its own
// thread, latest request wins); this panel only shows the results that match its latest request.
//
//   auto* explorer = new AdditionExplorerPanel(inference);
//   explorer->setData(data);
//   explorer->refresh();   // after the model or the judge changed

#include <QWidget>
#include <memory>

#include "addition/AdditionViewTypes.h"
#include "data/LoadedData.h"

class QButtonGroup;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace learn2add::ui {

class AddendControl;
class TestImageChoice;
class AdditionInference;
class AdditionGridView;
class DigitCanvas;
class DigitMosaic;
class DigitTransitionPlot;
class JudgeProbabilityPlot;

class AdditionExplorerPanel : public QWidget {
    Q_OBJECT
public:
    explicit AdditionExplorerPanel(AdditionInference* inference, QWidget* parent = nullptr);

    void setData(std::shared_ptr<const LoadedData> data);
    // Asks again for everything shown (after the model or the judge changed).
    void refresh();
    // Shows the index-th test image of `digit` (clamped to what exists).
    void chooseTestImage(int digit, int index);
    void useDrawnDigit();
    // Adds to a decoded point of the code manifold (a third input source, shown from now on).
    void useManifoldPoint(const AdditionInput& input, const QString& name);
    // The digit whose test images are chosen from (0-9).
    int testDigit() const;
    AdditionInput currentInput() const;
    // What the input is, for captions: "7", "drawn digit", "point (1.2, -0.5)".
    QString inputName() const;

    // Exposed for tests and screenshots.
    AddendControl* addendControl() const { return addend_; }
    DigitCanvas* canvas() const { return canvas_; }
    DigitMosaic* outputView() const { return output_; }
    JudgeProbabilityPlot* probabilityPlot() const { return probabilities_; }
    DigitMosaic* assignmentStrip() const { return strip_; }
    DigitMosaic* sweepStrip() const { return sweep_; }
    DigitTransitionPlot* transitionPlot() const { return transition_; }
    QPushButton* randomButton() const { return random_; }
    QRadioButton* manifoldSource() const { return fromManifold_; }
    QImage outputImage() const { return lastOutput_.image; }
    quint64 lastOutputSequence() const { return lastOutput_.sequence; }
    quint64 lastRequestedOutput() const { return outputRequest_; }

Q_SIGNALS:
    // The input changed (another test image, a stroke, a manifold point), with inputName().
    void inputChanged(learn2add::ui::AdditionInput input, QString name);

private:
    QWidget* buildInputBox();
    QWidget* buildOutputBox();
    QWidget* buildStudyBox();
    // A blank drawing (or no data): the output, the judge's reading and the strips are cleared.
    void showNoInput();
    void onInputChanged();
    void requestOutput();
    void requestStudy();
    void showOutput(const OutputResult& result);
    void showStudy(const StudyResult& result);

    AdditionInference* inference_;
    std::shared_ptr<const LoadedData> data_;
    // currentInput() as of the last onInputChanged(): a slider drag reuses it for every step.
    AdditionInput input_;
    quint64 outputRequest_ = 0;
    quint64 droppedOutputsUpTo_ = 0;  // answers for an input that is gone (showNoInput)
    quint64 studyRequest_ = 0;
    OutputResult lastOutput_;

    QRadioButton* fromTest_ = nullptr;
    QRadioButton* fromCanvas_ = nullptr;
    QRadioButton* fromManifold_ = nullptr;
    AdditionInput manifoldInput_;  // the manifold point chosen last
    QString manifoldName_;
    TestImageChoice* choice_ = nullptr;
    QPushButton* random_ = nullptr;
    DigitMosaic* inputPreview_ = nullptr;
    DigitCanvas* canvas_ = nullptr;
    AdditionGridView* gridPreview_ = nullptr;
    AddendControl* addend_ = nullptr;
    DigitMosaic* output_ = nullptr;
    JudgeProbabilityPlot* probabilities_ = nullptr;
    DigitMosaic* strip_ = nullptr;
    QLabel* stripTitle_ = nullptr;
    DigitMosaic* sweep_ = nullptr;
    QDoubleSpinBox* sweepFrom_ = nullptr;
    QDoubleSpinBox* sweepTo_ = nullptr;
    DigitTransitionPlot* transition_ = nullptr;
    QDoubleSpinBox* transitionFrom_ = nullptr;
    QDoubleSpinBox* transitionTo_ = nullptr;
};

}  // namespace learn2add::ui
