#pragma once
// A copy of a Part II autoencoder handed to the inference thread: a training worker clone()s its
// model after an epoch, the run loader hands over the model it restored from best.pt; nobody else
// touches the copy afterwards. Includes LibTorch: only .cpp files compiled with QT_NO_KEYWORDS
// include it; every other file sees the type declared, not defined.
//
//   auto snapshot = std::make_shared<AutoencoderModelSnapshot>();
//   snapshot->model = models::Autoencoder(
//       std::dynamic_pointer_cast<models::AutoencoderImpl>(model->clone()));

#include "models/Autoencoder.h"

namespace learn2add::ui {

struct AutoencoderModelSnapshot {
    models::Autoencoder model{nullptr};  // eval mode
};

}  // namespace learn2add::ui
