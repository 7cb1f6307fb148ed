#include "infer/RunKind.h"

#include "track/RunFolder.h"
#include "track/TrackError.h"

namespace learn2add::infer {

std::optional<RunKind> runKindNamed(const std::string& name) {
    if (name == "autoencoder") return RunKind{RunFamily::Autoencoder, {}, name};
    if (name == "judge") return RunKind{RunFamily::Judge, {}, name};
    for (const models::AdditionVariant variant : models::kAllAdditionVariants) {
        if (name == models::toString(variant)) return RunKind{RunFamily::Addition, variant, name};
    }
    return std::nullopt;
}

RunKind readRunKind(const std::filesystem::path& folder) {
    nlohmann::json config;
    try {
        config = track::RunFolder::open(folder).readConfig();
    } catch (const track::TrackError& e) {
        throw RunOpenError(e.what());
    }
    return runKindOf(config, folder);
}

RunKind runKindOf(const nlohmann::json& config, const std::filesystem::path& folder) {
    const auto named = config.is_object() ? config.find("kind") : config.end();
    if (named == config.end() || !named->is_string()) {
        throw RunOpenError(folder.string() + ": config.json names no run kind");
    }
    if (const auto kind = runKindNamed(named->get<std::string>())) return *kind;
    throw RunOpenError(folder.string() + " is a run of kind '" + named->get<std::string>() +
                       "'; Learn2Add opens autoencoder, judge, addition, vae-addition and "
                       "vae-genp-addition runs");
}

}  // namespace learn2add::infer
