#pragma once
// The three addition models of ASSIGNMENT.md Parts III and IV, and their names in run folders and
// on the command line (each is also the run's "kind" in config.json and best.pt):
//   "addition"           Part III:    autoencoder E, D and P (deterministic codes)
//   "vae-addition"       Part IV.1-2: variational E (mean and log-variance), D and P
//   "vae-genp-addition"  Part IV.3:   variational E, D and a generative P (mean and log-variance)
//
//   AdditionVariant v = additionVariantFromString("vae-addition");  // throws std::invalid_argument
//
// Pure functions: safe from any thread.

#include <array>
#include <string>

namespace learn2add::models {

enum class AdditionVariant { Autoencoder, Variational, VariationalGenerativeAdder };

inline constexpr std::array<AdditionVariant, 3> kAllAdditionVariants = {
    AdditionVariant::Autoencoder, AdditionVariant::Variational,
    AdditionVariant::VariationalGenerativeAdder};

std::string toString(AdditionVariant variant);
AdditionVariant additionVariantFromString(const std::string& name);

// What a person reads: "AE + P", "VAE + P", "VAE + generative P".
std::string displayName(AdditionVariant variant);

inline bool hasVariationalEncoder(AdditionVariant v) { return v != AdditionVariant::Autoencoder; }
inline bool hasGenerativeAdder(AdditionVariant v) {
    return v == AdditionVariant::VariationalGenerativeAdder;
}

}  // namespace learn2add::models
