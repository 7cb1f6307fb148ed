#include "cli/RunFolderOptions.h"

#include <stdexcept>

namespace learn2add::cli {

track::RunFolderUse RunFolderOptions::use() const {
    if (!resume.empty()) return track::RunFolderUse::Resume;
    return force ? track::RunFolderUse::Replace : track::RunFolderUse::New;
}

void addRunFolderOptions(CLI::App* command, RunFolderOptions& options) {
    CLI::Option* out = command->add_option(
        "--out", options.out,
        "Run folder to write (config.json, metrics.csv, best.pt, last.pt, events); refused when "
        "it already holds a run, unless --force");
    CLI::Option* resume = command->add_option(
        "--resume", options.resume,
        "Continue the run in this folder after its last.pt, with its settings (--epochs may "
        "extend it)");
    resume->check(CLI::ExistingDirectory);
    CLI::Option* force = command->add_flag(
        "--force", options.force, "Replace the run that --out holds (its files and event files)");
    out->excludes(resume);
    force->excludes(resume);
}

void applyRunFolderOptions(CLI::App& command, const RunFolderOptions& options,
                           const std::vector<SettingOfRun>& settings) {
    if (options.out.empty() && options.resume.empty()) {
        throw std::invalid_argument("give --out DIR for a new run or --resume DIR to continue one");
    }
    if (options.resume.empty()) return;
    const nlohmann::json config = track::RunFolder::open(options.resume).readConfig();
    for (const SettingOfRun& setting : settings) {
        CLI::Option* option = command.get_option(setting.flag);
        const nlohmann::json::json_pointer pointer(setting.pointer);
        if (option->count() > 0) continue;
        const bool stored = config.contains(pointer) && !config.at(pointer).is_null();
        if (!stored && !setting.whenMissing) continue;
        const nlohmann::json value = stored ? config.at(pointer) : nlohmann::json(setting.whenMissing);
        option->clear();
        option->add_result(value.is_string() ? value.get<std::string>() : value.dump());
        option->run_callback();
    }
}

}  // namespace learn2add::cli
