#pragma once
// The "Precision" choice of the training forms: auto (bf16 where the CPU computes it, else fp32),
// fp32 or bf16 (common/Precision.h). GUI thread only.
//
//   QComboBox* box = makePrecisionBox();        // "auto (bf16 on this CPU)" first
//   options.precision(precisionOf(*box));

#include <QComboBox>

#include "common/Precision.h"

namespace learn2add::ui {

QComboBox* makePrecisionBox();
Precision precisionOf(const QComboBox& box);

}  // namespace learn2add::ui
