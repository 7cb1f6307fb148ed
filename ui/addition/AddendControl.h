#pragma once
// The addend: a slider from 0 to 12 in 0.01 steps and a type-in box, kept in sync, with a line
// that says what is being added and whether it is beyond what the model was trained on (addends
// above 9 - digit: extrapolation). addendChanged() fires while the slider is dragged. GUI thread
// only.
//
// A drag changes the sum's text on every step; its label has a fixed size (wide enough for any
// sum), so the change repaints that label alone and never asks the window to lay out again. The
// extrapolation note changes only when the addend crosses the trained range.
//
//   auto* addend = new AddendControl;
//   addend->setDigit(7);                 // the input's digit, or -1 when unknown
//   addend->setAddend(1.5);              // emits addendChanged(1.5)

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace learn2add::ui {

class AddendControl : public QWidget {
    Q_OBJECT
public:
    static constexpr double kMaximum = 12.0;
    static constexpr int kStepsPerUnit = 100;

    explicit AddendControl(QWidget* parent = nullptr);

    double addend() const { return addend_; }
    void setAddend(double addend);
    void setDigit(int digit);
    bool isExtrapolation() const;

    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* spinBox() const { return spin_; }
    // The sum and, beyond the trained range, the extrapolation note.
    QString hint() const;

Q_SIGNALS:
    void addendChanged(double addend);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateHint();

    QSlider* slider_ = nullptr;
    QDoubleSpinBox* spin_ = nullptr;
    QLabel* sum_ = nullptr;
    QLabel* note_ = nullptr;
    QString clampedNote_;  // set when a typed addend above the maximum was set to the maximum
    double addend_ = 0.0;
    int digit_ = -1;
    bool syncing_ = false;
};

}  // namespace learn2add::ui
