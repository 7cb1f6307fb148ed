#pragma once
// Digit bytes as QImages (grey-scale, white strokes on black as in MNIST).

#include <QImage>

#include "data/DigitSet.h"

namespace learn2add::ui {

QImage digitImage(const data::DigitSet& set, std::size_t index);

}  // namespace learn2add::ui
