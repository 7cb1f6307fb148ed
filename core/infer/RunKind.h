#pragma once
// What a run folder holds, read from its config.json in one place: the CLI, the report and the
// window dispatch on it.
//
//   RunKind kind = readRunKind("runs/x");          // throws RunOpenError naming the folder
//   if (kind.family == RunFamily::Addition) openAdditionRun(...);   // kind.variant says which
//
// Pure functions of the file; safe from any thread.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "models/AdditionVariant.h"

namespace learn2add::infer {

class RunOpenError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class RunFamily { Autoencoder, Judge, Addition };

struct RunKind {
    RunFamily family = RunFamily::Autoencoder;
    models::AdditionVariant variant = models::AdditionVariant::Autoencoder;  // for Addition
    std::string name;  // as config.json says it: "autoencoder", "judge", "addition", ...
};

// The kind named `name`; nothing for a name no Learn2Add run has.
std::optional<RunKind> runKindNamed(const std::string& name);

// Reads folder/config.json. Throws RunOpenError when it is missing or not JSON, or names no kind or
// an unknown one.
RunKind readRunKind(const std::filesystem::path& folder);
// The same for a config.json already read (`folder` names it in messages).
RunKind runKindOf(const nlohmann::json& config, const std::filesystem::path& folder);

}  // namespace learn2add::infer
