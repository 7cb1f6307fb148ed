#pragma once
// Conversions between the page's plain values and LibTorch tensors, for the workers only (this
// header includes LibTorch; include it from .cpp files compiled with QT_NO_KEYWORDS). Pure
// functions, any thread.
//
//   torch::Tensor x = inputTensor(input, model->imageSize());   // [1, 1, S, S] in [0, 1]
//   QImage picture = tensorImage(generated[0]);                  // [1, S, S] -> grey QImage

#include <torch/types.h>
#include <QImage>
#include <vector>

#include "addition/AdditionViewTypes.h"
#include "infer/AdditionEvaluation.h"

namespace learn2add::ui {

// The input resized (bilinear, as the training data) to size x size: [1, 1, size, size].
torch::Tensor inputTensor(const AdditionInput& input, int size);

// One image [1, S, S] or [S, S] with values in [0, 1] as a grey QImage.
QImage tensorImage(const torch::Tensor& image);
// Images [B, 1, S, S] (or [B, S, S]) in [0, 1] as grey QImages, with one conversion for the batch.
std::vector<QImage> tensorImages(const torch::Tensor& images);

GridPicture gridPicture(const infer::AdditionGrid& grid, bool judged, int epoch);

}  // namespace learn2add::ui
