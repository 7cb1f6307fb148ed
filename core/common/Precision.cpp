#include "common/Precision.h"

#include <ATen/autocast_mode.h>

#include <fstream>
#include <stdexcept>

namespace learn2add {

const char* toString(Precision precision) { return precision == Precision::Bf16 ? "bf16" : "fp32"; }

Precision precisionOfRun(const nlohmann::json& config) {
    const auto named = config.is_object() ? config.find("precision") : config.end();
    if (named == config.end() || !named->is_string()) return kPrecisionOfUnrecordedRuns;
    return precisionFromString(named->get<std::string>());
}

bool cpuComputesBf16() {
    static const bool computes = [] {
        std::ifstream cpuinfo("/proc/cpuinfo");
        std::string line;
        while (std::getline(cpuinfo, line)) {
            if (line.rfind("flags", 0) != 0) continue;
            const std::string flags = line + ' ';
            return flags.find(" avx512_bf16 ") != std::string::npos ||
                   flags.find(" amx_bf16 ") != std::string::npos;
        }
        return false;
    }();
    return computes;
}

Precision precisionFromString(const std::string& name) {
    if (name == "fp32") return Precision::Fp32;
    if (name == "bf16") return Precision::Bf16;
    if (name == "auto") return cpuComputesBf16() ? Precision::Bf16 : Precision::Fp32;
    throw std::invalid_argument("unknown precision '" + name + "'; use auto, fp32 or bf16");
}

AutocastScope::AutocastScope(Precision precision) : active_(precision == Precision::Bf16) {
    if (!active_) return;
    wasEnabled_ = at::autocast::is_cpu_enabled();
    at::autocast::set_cpu_enabled(true);
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
    if (!active_) return;
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    at::autocast::set_cpu_enabled(wasEnabled_);
}

Fp32Scope::Fp32Scope() : wasEnabled_(at::autocast::is_cpu_enabled()) {
    at::autocast::set_cpu_enabled(false);
}

Fp32Scope::~Fp32Scope() { at::autocast::set_cpu_enabled(wasEnabled_); }

}  // namespace learn2add
