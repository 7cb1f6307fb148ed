#pragma once
// The "Precision" choice of the training forms: auto (bf16 where the CPU computes it, else fp32),
// fp32 or bf16 (common/Precision.h). GUI thread only.
//
//   QComboBox* box = makePrecisionBox();        // "auto (bf16 on this CPU)" first
//   options.precision(precisionOf(*box));

#include <QComboBox>
#include <QString>
#include <utility>
#include <vector>

#include "common/Precision.h"

namespace learn2add::ui {

// The three choices as (name, text): ("auto", "auto (bf16 on this CPU)"), ("fp32", "fp32"),
// ("bf16", "bf16"); the training forms' box and Settings > Precision of the views list them.
std::vector<std::pair<QString, QString>> precisionChoices();

QComboBox* makePrecisionBox();
Precision precisionOf(const QComboBox& box);

}  // namespace learn2add::ui
