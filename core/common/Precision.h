#pragma once
// The number format of the training step: FP32, or bfloat16 autocast where the CPU computes it
// natively (AVX-512 BF16 or AMX). Under bf16 the convolutions and matrix products of the forward
// pass run in bfloat16; the losses, the weights, Adam's state, the metrics and the checkpoints stay
// FP32, and a run is deterministic per precision.
//
//   const Precision precision = precisionFromString("auto");   // bf16 on a Zen 4 / Sapphire Rapids
//   { AutocastScope autocast(precision); loss = model->forward(x); }
//   loss.backward();                                           // outside the scope

#include <nlohmann/json.hpp>
#include <string>

namespace learn2add {

enum class Precision { Fp32, Bf16 };

const char* toString(Precision precision);  // "fp32", "bf16"
// "fp32", "bf16", or "auto" (bf16 when cpuComputesBf16(), else fp32); throws std::invalid_argument
// for anything else.
Precision precisionFromString(const std::string& name);
// Runs from before precisions were recorded in config.json were all trained in fp32.
inline constexpr Precision kPrecisionOfUnrecordedRuns = Precision::Fp32;
// A run's config.json "precision" (kPrecisionOfUnrecordedRuns where there is none). Throws
// std::invalid_argument for an unknown name.
Precision precisionOfRun(const nlohmann::json& config);
// Whether /proc/cpuinfo lists avx512_bf16 or amx_bf16 (read once).
bool cpuComputesBf16();

// Turns LibTorch's CPU autocast to bfloat16 on for the calling thread while it lives (FP32: does
// nothing), and back to what it was after; clears autocast's cast cache when the outermost scope
// ends (the weights change at every step).
class AutocastScope {
public:
    explicit AutocastScope(Precision precision);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool active_ = false;
    bool wasEnabled_ = false;
};

// The opposite, for numerics that must stay FP32 inside an AutocastScope (a plane fitted to codes,
// points projected on it): turns CPU autocast off for the calling thread while it lives, and back
// to what it was after.
class Fp32Scope {
public:
    Fp32Scope();
    ~Fp32Scope();
    Fp32Scope(const Fp32Scope&) = delete;
    Fp32Scope& operator=(const Fp32Scope&) = delete;

private:
    bool wasEnabled_ = false;
};

}  // namespace learn2add
