#include "addition/TestImageChoice.h"

#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>

namespace learn2add::ui {

TestImageChoice::TestImageChoice(const QString& digitToolTip, QObject* parent) : QObject(parent) {
    digit_ = new QSpinBox;
    digit_->setRange(0, 9);
    digit_->setValue(7);
    digit_->setToolTip(digitToolTip);
    index_ = new QSpinBox;
    index_->setRange(0, 0);
    index_->setToolTip(tr("Which test image of that digit (0 = the first)"));
    range_ = new QLabel;
    connect(digit_, &QSpinBox::valueChanged, this, [this] {
        updateRange();
        Q_EMIT changed();
    });
    connect(index_, &QSpinBox::valueChanged, this, &TestImageChoice::changed);
}

void TestImageChoice::setTestSet(const data::DigitSet* test) {
    test_ = test;
    updateRange();
}

void TestImageChoice::choose(int digit, int index) {
    const QSignalBlocker blockDigit(digit_);
    const QSignalBlocker blockIndex(index_);
    digit_->setValue(std::clamp(digit, 0, 9));
    updateRange();
    index_->setValue(index);  // within the digit's range
}

int TestImageChoice::digit() const {
    return digit_->value();
}

void TestImageChoice::updateRange() {
    if (!test_) return;
    const int count = static_cast<int>(test_->indicesOf(digit_->value()).size());
    const QSignalBlocker block(index_);
    index_->setRange(0, std::max(0, count - 1));
    range_->setText(tr("of %1").arg(count));
}

AdditionInput TestImageChoice::input() const {
    if (!test_) return {};
    const auto indices = test_->indicesOf(digit_->value());
    if (indices.empty()) return {};
    const auto k = static_cast<std::size_t>(
        std::clamp(index_->value(), 0, static_cast<int>(indices.size()) - 1));
    return AdditionInput::fromDigitSet(*test_, indices[k]);
}

}  // namespace learn2add::ui
