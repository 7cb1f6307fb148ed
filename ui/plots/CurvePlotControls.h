#pragma once
// The row of controls above a CurvePlot: log y-axis, EMA smoothing (a slider 0 .. 0.99 as in
// TensorBoard) and "Fit view". Acts on the plot it is given, which must outlive it. GUI thread
// only.

#include <QWidget>

class QCheckBox;
class QLabel;
class QSlider;

namespace learn2add::ui {

class CurvePlot;

class CurvePlotControls : public QWidget {
    Q_OBJECT
public:
    explicit CurvePlotControls(CurvePlot* plot, QWidget* parent = nullptr);

    QCheckBox* logScaleBox() const { return logScale_; }
    QSlider* smoothingSlider() const { return smoothing_; }

private:
    CurvePlot* plot_;
    QCheckBox* logScale_ = nullptr;
    QSlider* smoothing_ = nullptr;
    QLabel* smoothingValue_ = nullptr;
};

}  // namespace learn2add::ui
