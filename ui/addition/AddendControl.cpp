#include "addition/AddendControl.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <cmath>

namespace learn2add::ui {

AddendControl::AddendControl(QWidget* parent) : QWidget(parent) {
    slider_ = new QSlider(Qt::Horizontal);
    slider_->setRange(0, static_cast<int>(kMaximum * kStepsPerUnit));
    slider_->setSingleStep(1);
    slider_->setPageStep(kStepsPerUnit);
    slider_->setTickInterval(kStepsPerUnit);
    slider_->setTickPosition(QSlider::TicksBelow);
    slider_->setTracking(true);
    slider_->setToolTip(
        tr("The number added to the image (0.01 steps); the output follows while "
           "you drag"));
    spin_ = new QDoubleSpinBox;
    spin_->setRange(0.0, kMaximum);
    spin_->setDecimals(2);
    spin_->setSingleStep(0.01);
    spin_->setKeyboardTracking(false);
    spin_->setToolTip(tr("Type an addend, e.g. 1.5"));
    hint_ = new QLabel;
    hint_->setWordWrap(true);

    connect(slider_, &QSlider::valueChanged, this, [this](int value) {
        if (!syncing_) setAddend(static_cast<double>(value) / kStepsPerUnit);
    });
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (!syncing_) setAddend(value);
    });

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Add")), 0, 0);
    layout->addWidget(slider_, 0, 1);
    layout->addWidget(spin_, 0, 2);
    layout->addWidget(hint_, 1, 0, 1, 3);
    layout->setColumnStretch(1, 1);
    updateHint();
}

void AddendControl::setAddend(double addend) {
    addend = std::clamp(std::round(addend * kStepsPerUnit) / kStepsPerUnit, 0.0, kMaximum);
    syncing_ = true;
    slider_->setValue(static_cast<int>(std::lround(addend * kStepsPerUnit)));
    spin_->setValue(addend);
    syncing_ = false;
    const bool changed = addend != addend_;
    addend_ = addend;
    updateHint();
    if (changed) Q_EMIT addendChanged(addend_);
}

void AddendControl::setDigit(int digit) {
    digit_ = digit;
    updateHint();
}

bool AddendControl::isExtrapolation() const {
    const int trainedUpTo = digit_ >= 0 ? 9 - digit_ : 9;
    return addend_ > trainedUpTo + 1e-9;
}

QString AddendControl::hint() const {
    return hint_->text();
}

void AddendControl::updateHint() {
    const QString sum = digit_ >= 0 ? tr("%1 + %2 = %3")
                                          .arg(digit_)
                                          .arg(addend_, 0, 'f', 2)
                                          .arg(digit_ + addend_, 0, 'f', 2)
                                    : tr("drawn digit + %1").arg(addend_, 0, 'f', 2);
    if (isExtrapolation()) {
        hint_->setText(tr("%1 · <span style='color:#b3261e'><b>extrapolation</b>: training "
                          "used addends up to %2</span>")
                           .arg(sum)
                           .arg(digit_ >= 0 ? 9 - digit_ : 9));
    } else {
        hint_->setText(sum);
    }
}

}  // namespace learn2add::ui
