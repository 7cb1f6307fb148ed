#pragma once
// What a morph between two inputs is asked for (infer/CodeMorph.h): plain values without LibTorch,
// for front ends.

namespace learn2add::infer {

// Linear: z(t) = (1 - t) z0 + t z1. Spherical: along the great circle through z0 and z1 around the
// origin (the prior's mean), the norm interpolated linearly.
enum class MorphPath { Linear, Spherical };

struct MorphSettings {
    int steps = 9;               // tiles, t = 0 .. 1
    MorphPath path = MorphPath::Linear;
    int fromDigit = -1;          // the inputs' digits when known: the addition row needs both
    int toDigit = -1;
};

}  // namespace learn2add::infer
