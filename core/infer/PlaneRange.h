#pragma once
// A rectangle of a plane of codes (infer/CodeManifold.h) and how it is chosen: plain values without
// LibTorch, for front ends.

namespace learn2add::infer {

// A rectangle of the plane, in plane coordinates.
struct PlaneRange {
    double xMin = -1.0, xMax = 1.0;
    double yMin = -1.0, yMax = 1.0;
    bool operator==(const PlaneRange&) const = default;
};

// Codes: the range the validation codes take (their 1st to 99th percentile, widened by a tenth).
// Prior: ±3 around the prior's mean (a variational encoder's N(0, I); in the plane, ±3σ).
enum class ManifoldRange { Codes, Prior };

}  // namespace learn2add::infer
