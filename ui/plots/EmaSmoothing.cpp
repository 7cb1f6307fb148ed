#include "plots/EmaSmoothing.h"

#include <algorithm>
#include <cmath>

namespace learn2add::ui {

std::vector<double> emaSmooth(const std::vector<double>& values, double weight) {
    const double w = std::clamp(std::isfinite(weight) ? weight : 0.0, 0.0, 0.999);
    std::vector<double> smoothed;
    smoothed.reserve(values.size());
    double average = 0.0;
    double debias = 1.0;  // w^n
    for (const double value : values) {
        if (!std::isfinite(value)) {
            smoothed.push_back(value);
            continue;
        }
        average = w * average + (1.0 - w) * value;
        debias *= w;
        smoothed.push_back(w == 0.0 ? value : average / (1.0 - debias));
    }
    return smoothed;
}

}  // namespace learn2add::ui
