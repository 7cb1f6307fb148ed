#pragma once
// Shared by the model suites: a seeded fixture, synthetic digit-like images and a helper that
// checks the message of a c10::Error.

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>

#include "common/TorchRuntime.h"

namespace learn2add::models::testing {

// Every test starts from the same random state, on one intra-op thread. One, not two: test
// executables run beside each other (ctest -j, parallel builds), and LibTorch's OpenMP threads
// spin-wait at every barrier, so two threads on a busy two-core machine are 10-100x slower than one
// (measured: a mirror training step of 16 images took 0.6 s with two threads against 0.026 s with
// one, at load 5; 100 steps of the mirror training test, 993 s against 6 s).
class SeededModelTest : public ::testing::Test {
protected:
    static constexpr std::uint64_t kSeed = 20231025;
    void SetUp() override {
        configureTorchThreads(1);  // OpenBLAS pinned to one thread, freed memory kept
        torch::manual_seed(kSeed);
    }
};

// `count` images [count, 1, size, size] in [0, 1]: strokes shaped like 0, 1, 7 and +, jittered by
// a few pixels, fixed by `seed` (independent of torch's random state). size is 32 or 64.
torch::Tensor syntheticDigits(std::int64_t count, std::int64_t size, std::uint64_t seed);

// Runs `action`, expects a c10::Error whose message (without backtrace) contains `fragment`.
void expectTorchError(const std::function<void()>& action, const std::string& fragment);

}  // namespace learn2add::models::testing
