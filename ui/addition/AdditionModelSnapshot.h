#pragma once
// A copy of an addition model handed from the training thread to the inference thread: the
// training worker clone()s its model after an epoch and publishes the copy, which nobody else
// touches afterwards. Includes LibTorch: only .cpp files compiled with QT_NO_KEYWORDS include it;
// every other file sees the type declared, not defined.
//
//   auto snapshot = std::make_shared<AdditionModelSnapshot>();
//   snapshot->model = std::dynamic_pointer_cast<models::AdditionModelImpl>(model->clone());

#include <QString>

#include "data/HeldOutCells.h"
#include "models/AdditionModel.h"

namespace learn2add::ui {

struct AdditionModelSnapshot {
    models::AdditionModel model{nullptr};  // eval mode
    QString description;                   // e.g. "training · epoch 3 of 5"
    data::HeldOutCells heldOut;            // the cells its training leaves out
};

}  // namespace learn2add::ui
