#pragma once
// What a front end asks of the explorer and the comparison (infer/AdditionExplorer.h,
// infer/ModelComparison.h), as plain values without LibTorch, so that Qt front ends can carry them
// in their requests.
//
//   InputStudySettings study{.stripAddends = {1, 2, 1.5, 1.4, 1.6}};

#include <cstdint>
#include <vector>

namespace learn2add::infer {

// The explorer's study of one input.
struct InputStudySettings {
    std::vector<double> stripAddends;  // e.g. 1, 2, 1.5, 1.4, 1.6
    double sweepFrom = 0.0, sweepTo = 3.0, sweepStep = 0.1;  // at most 101 tiles
    double transitionFrom = 0.0, transitionTo = 2.5;
    int transitionPoints = 126;  // 2 .. 1001
};

// The comparison at one addend.
struct ComparisonSettings {
    double addend = 0.0;
    int samples = 8;  // K, for the variational models (1 .. 64)
    std::uint64_t seed = 1;
};

// The comparison over the addends for one input.
struct ComparisonStudySettings {
    std::vector<double> stripAddends;  // 1, 2, 1.5, 1.4, 1.6
    double transitionTo = 2.5;         // the transition runs over u in [0, transitionTo]
    int transitionPoints = 101;        // 2 .. 1001
    double pathStep = 0.05;  // the latent path's addend step, from 0 to 9 - digit
};

}  // namespace learn2add::infer
