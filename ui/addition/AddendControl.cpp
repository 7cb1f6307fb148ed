#include "addition/AddendControl.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QValidator>
#include <QSignalBlocker>
#include <QSlider>
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace learn2add::ui {
namespace {

// The sum's text: "7 + 1.50 = 8.50", or "input + 1.50" when the digit is unknown (a drawing, a
// point of the code manifold).
QString sumText(int digit, double addend) {
    return digit >= 0 ? AddendControl::tr("%1 + %2 = %3")
                            .arg(digit)
                            .arg(addend, 0, 'f', 2)
                            .arg(digit + addend, 0, 'f', 2)
                      : AddendControl::tr("input + %1").arg(addend, 0, 'f', 2);
}

// Gives the sum's label the size of the widest sum it can show. A fixed size in both directions
// is what keeps QLabel::setText() from invalidating the layouts all the way up to the window.
void fitSumLabel(QLabel* label) {
    const QFontMetrics metrics = label->fontMetrics();
    int width = 0;
    // The longest texts (addend 12.00) with every figure replaced by each of 0..9, as figures
    // need not be equally wide.
    for (int digit = -1; digit <= 9; ++digit) {
        for (char figure = '0'; figure <= '9'; ++figure) {
            QString text = sumText(digit, AddendControl::kMaximum);
            for (QChar& c : text) {
                if (c.isDigit()) c = QLatin1Char(figure);
            }
            width = std::max(width, metrics.horizontalAdvance(text));
        }
    }
    const QMargins margins = label->contentsMargins();
    label->setFixedSize(width + metrics.averageCharWidth() + margins.left() + margins.right(),
                        metrics.height() + margins.top() + margins.bottom());
}

// A spin box that takes a typed number above its maximum instead of swallowing the keystroke
// (QDoubleSpinBox refuses "13" when the maximum is 12, so the box silently read "1"): the number
// is kept while typing and set to the maximum when the edit ends, and `clamped` says so.
class AddendSpinBox : public QDoubleSpinBox {
public:
    std::function<void(double typed)> clamped;

    QValidator::State validate(QString& text, int& position) const override {
        const QValidator::State state = QDoubleSpinBox::validate(text, position);
        if (state == QValidator::Invalid && typedAboveMaximum(text)) return QValidator::Intermediate;
        return state;
    }
    void fixup(QString& text) const override {
        if (const auto typed = typedAboveMaximum(text)) {
            text = textFromValue(maximum());
            if (clamped) clamped(*typed);
            return;
        }
        QDoubleSpinBox::fixup(text);
    }

private:
    // The number typed, when it is one and above the maximum.
    std::optional<double> typedAboveMaximum(const QString& text) const {
        bool ok = false;
        const double typed = locale().toDouble(text.trimmed(), &ok);
        if (!ok || !std::isfinite(typed) || typed <= maximum()) return std::nullopt;
        return typed;
    }
};

}  // namespace

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
    auto* spin = new AddendSpinBox;
    spin->clamped = [this](double typed) {
        clampedNote_ = tr("· <span style='color:#b3261e'>%1 is beyond the largest addend, %2: "
                          "shown at %2</span>")
                           .arg(typed, 0, 'f', 2)
                           .arg(kMaximum, 0, 'f', 2);
        updateHint();
    };
    spin_ = spin;
    spin_->setRange(0.0, kMaximum);
    spin_->setDecimals(2);
    spin_->setSingleStep(0.01);
    spin_->setKeyboardTracking(false);
    spin_->setToolTip(tr("Type an addend, e.g. 1.5"));
    sum_ = new QLabel;
    sum_->setTextFormat(Qt::PlainText);
    fitSumLabel(sum_);
    note_ = new QLabel;
    note_->setTextFormat(Qt::RichText);
    note_->setWordWrap(true);

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
    auto* hint = new QHBoxLayout;
    hint->addWidget(sum_);
    hint->addWidget(note_, 1);
    layout->addLayout(hint, 1, 0, 1, 3);
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
    if (changed && addend != kMaximum) clampedNote_.clear();
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

void AddendControl::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitSumLabel(sum_);
}

QString AddendControl::hint() const {
    return note_->text().isEmpty() ? sum_->text() : sum_->text() + QLatin1Char(' ') + note_->text();
}

void AddendControl::updateHint() {
    sum_->setText(sumText(digit_, addend_));
    // QLabel::setText() returns early on the same text: the note's layout changes only when the
    // addend crosses the trained range or the digit changes.
    QString note = isExtrapolation()
                       ? tr("· <span style='color:#b3261e'><b>extrapolation</b>: training used "
                            "addends up to %1</span>")
                             .arg(digit_ >= 0 ? 9 - digit_ : 9)
                       : QString();
    if (!clampedNote_.isEmpty()) note = clampedNote_ + (note.isEmpty() ? "" : " " + note);
    note_->setText(note);
}

}  // namespace learn2add::ui
