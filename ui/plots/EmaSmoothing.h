#pragma once
// TensorBoard's curve smoothing: an exponential moving average with debiasing, so the first points
// are not pulled towards zero. Pure function; safe from any thread.
//
//   std::vector<double> shown = emaSmooth(validationRmse, 0.6);   // 0: unchanged, 0.99: smooth
//
// smoothed[i] = m_i / (1 - w^n_i), m_i = w * m_{i-1} + (1 - w) * value[i], m_{-1} = 0, where n_i
// counts the finite values up to i. Non-finite values pass through unchanged and do not disturb the
// average. The weight is clamped to [0, 0.999].

#include <vector>

namespace learn2add::ui {

std::vector<double> emaSmooth(const std::vector<double>& values, double weight);

}  // namespace learn2add::ui
