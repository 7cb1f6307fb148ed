#include "infer/OpenedRuns.h"

#include <system_error>

namespace learn2add::infer {
namespace {

// What tells one best.pt from another in the same folder; empty when there is none (then the run
// is always read, and its own error says what is missing).
std::string stampOf(const std::filesystem::path& folder) {
    std::error_code error;
    const std::filesystem::path checkpoint = folder / "best.pt";
    const auto size = std::filesystem::file_size(checkpoint, error);
    if (error) return {};
    const auto time = std::filesystem::last_write_time(checkpoint, error);
    if (error) return {};
    return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

std::string keyOf(const std::filesystem::path& folder) {
    std::error_code error;
    const std::filesystem::path canonical = std::filesystem::weakly_canonical(folder, error);
    return (error ? folder : canonical).lexically_normal().string();
}

}  // namespace

template <typename Run, typename Open>
std::shared_ptr<const Run> OpenedRuns::find(std::map<std::string, Entry<Run>>& entries,
                                            const std::filesystem::path& folder, Open&& open) {
    const std::string key = keyOf(folder);
    const std::string stamp = stampOf(folder);
    {
        std::lock_guard lock(mutex_);
        auto found = entries.find(key);
        if (found != entries.end() && !stamp.empty() && found->second.stamp == stamp) {
            if (auto run = found->second.run.lock()) return run;
        }
    }
    // Read outside the lock: a second reader of the same folder at once reads it twice, harmlessly.
    auto run = std::make_shared<const Run>(open(folder));
    std::lock_guard lock(mutex_);
    ++reads_;
    entries[key] = Entry<Run>{stamp, run};
    return run;
}

std::shared_ptr<const AdditionRun> OpenedRuns::addition(const std::filesystem::path& folder) {
    return find(additions_, folder, [](const auto& f) { return openAdditionRun(f); });
}

std::shared_ptr<const JudgeRun> OpenedRuns::judge(const std::filesystem::path& folder) {
    return find(judges_, folder, [](const auto& f) { return openJudgeRun(f); });
}

int OpenedRuns::reads() const {
    std::lock_guard lock(mutex_);
    return reads_;
}

}  // namespace learn2add::infer
