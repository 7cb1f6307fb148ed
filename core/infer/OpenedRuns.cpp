#include "infer/OpenedRuns.h"

#include <sys/stat.h>

#include <system_error>

#include "models/WeightLayout.h"

namespace learn2add::infer {
namespace {

// What tells one best.pt from another in the same folder: its inode (a checkpoint is replaced by
// a rename, so a new one has a new inode), size and modification and change times in nanoseconds;
// empty when there is none (then the run is always read, and its own error says what is missing).
std::string stampOf(const std::filesystem::path& folder) {
    struct stat status {};
    if (::stat((folder / "best.pt").c_str(), &status) != 0) return {};
    return std::to_string(status.st_ino) + ":" + std::to_string(status.st_size) + ":" +
           std::to_string(status.st_mtim.tv_sec) + "." + std::to_string(status.st_mtim.tv_nsec) + ":" +
           std::to_string(status.st_ctim.tv_sec) + "." + std::to_string(status.st_ctim.tv_nsec);
}

std::string keyOf(const std::filesystem::path& folder) {
    std::error_code error;
    const std::filesystem::path canonical = std::filesystem::weakly_canonical(folder, error);
    return (error ? folder : canonical).lexically_normal().string();
}

}  // namespace

void useViewLayout(const torch::nn::Module& model) {
    models::setWeightLayout(model.parameters(), at::MemoryFormat::ChannelsLast);
}

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
    return find(additions_, folder, [](const auto& f) {
        AdditionRun run = openAdditionRun(f);
        useViewLayout(*run.model);
        return run;
    });
}

std::shared_ptr<const JudgeRun> OpenedRuns::judge(const std::filesystem::path& folder) {
    return find(judges_, folder, [](const auto& f) {
        JudgeRun run = openJudgeRun(f);
        useViewLayout(*run.judge);
        return run;
    });
}

int OpenedRuns::reads() const {
    std::lock_guard lock(mutex_);
    return reads_;
}

}  // namespace learn2add::infer
