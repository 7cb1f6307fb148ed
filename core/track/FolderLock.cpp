#include "track/FolderLock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "track/TrackError.h"

namespace learn2add::track {

// An open descriptor holding flock(LOCK_EX) on the lock file; closing it releases the lock.
struct FolderLock::Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

FolderLock FolderLock::take(const std::filesystem::path& folder, const std::string& lockFileName,
                            const std::string& holderKind) {
    auto descriptor = std::make_shared<Descriptor>();
    const auto lockPath = folder / lockFileName;
    descriptor->fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (descriptor->fd < 0) {
        throw TrackError(lockPath.string() + ": cannot open the lock file (" + std::strerror(errno) + ")");
    }
    if (::flock(descriptor->fd, LOCK_EX | LOCK_NB) != 0) {
        std::ifstream in(lockPath);
        std::string holder;
        std::getline(in, holder);
        while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
        throw TrackError(folder.string() + " is being written by " + holderKind +
                         (holder.empty() ? std::string() : " (process " + holder + ")") +
                         "; wait for it to end or choose another folder");
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(descriptor->fd, 0) != 0 ||
        ::pwrite(descriptor->fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        throw TrackError(lockPath.string() + ": cannot write the lock file (" + std::strerror(errno) + ")");
    }
    return FolderLock(std::move(descriptor));
}

}  // namespace learn2add::track
