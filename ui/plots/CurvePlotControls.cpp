#include "plots/CurvePlotControls.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>

#include "plots/CurvePlot.h"

namespace learn2add::ui {

CurvePlotControls::CurvePlotControls(CurvePlot* plot, QWidget* parent)
    : QWidget(parent), plot_(plot) {
    logScale_ = new QCheckBox(tr("Log scale"));
    logScale_->setToolTip(
        tr("Logarithmic y-axis: late epochs, where the error changes little, "
           "become readable."));
    connect(logScale_, &QCheckBox::toggled, plot_, &CurvePlot::setLogScale);

    smoothing_ = new QSlider(Qt::Horizontal);
    smoothing_->setRange(0, 99);
    smoothing_->setFixedWidth(140);
    smoothing_->setToolTip(
        tr("Exponential moving average of the curves, as TensorBoard's "
           "\"Smoothing\" (debiased). The raw curves stay visible, faint."));
    smoothingValue_ = new QLabel;
    smoothingValue_->setMinimumWidth(smoothingValue_->fontMetrics().horizontalAdvance("0.00") + 4);
    connect(smoothing_, &QSlider::valueChanged, this, [this](int value) {
        smoothingValue_->setText(QString::number(value / 100.0, 'f', 2));
        plot_->setSmoothing(value / 100.0);
    });
    smoothingValue_->setText("0.00");

    auto* fit = new QToolButton;
    fit->setText(tr("Fit view"));
    fit->setToolTip(
        tr("Fit the axes to the data and follow new points (or double-click the "
           "plot). Drag to pan, use the wheel to zoom."));
    connect(fit, &QToolButton::clicked, plot_, &CurvePlot::resetView);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(logScale_);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("Smoothing")));
    layout->addWidget(smoothing_);
    layout->addWidget(smoothingValue_);
    layout->addStretch(1);
    layout->addWidget(fit);
}

}  // namespace learn2add::ui
