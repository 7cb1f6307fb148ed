#include "common/SharedRuns.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include <unistd.h>

namespace learn2add::testing {
namespace {

namespace fs = std::filesystem;

// The process's own folder when no shared root is named; removed when the process exits.
class ProcessFolder {
public:
    ProcessFolder() {
        std::string pattern = (fs::temp_directory_path() / "learn2add-shared-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
        path_ = pattern;
    }
    ~ProcessFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

fs::path sharedRoot() {
    if (const char* named = std::getenv("LEARN2ADD_SHARED_RUNS"); named && *named) {
        fs::create_directories(named);
        return named;
    }
    static const ProcessFolder folder;
    return folder.path();
}

}  // namespace

fs::path sharedRunFolder(const std::string& name,
                         const std::function<void(const fs::path& folder)>& make) {
    const fs::path root = sharedRoot();
    const fs::path folder = root / name;
    const fs::path done = root / (name + ".done");
    if (fs::exists(done)) return folder;
    fs::remove_all(folder);
    fs::create_directories(folder);
    make(folder);
    std::ofstream(done) << "made by process " << getpid() << "\n";
    if (!fs::exists(done)) throw std::runtime_error("cannot write " + done.string());
    return folder;
}

void forgetSharedRunFolder(const std::string& name) {
    const char* named = std::getenv("LEARN2ADD_SHARED_RUNS");
    if (!named || !*named) return;
    fs::remove(fs::path(named) / (name + ".done"));
    fs::remove_all(fs::path(named) / name);
}

}  // namespace learn2add::testing
