#pragma once
// An exclusive lock on a folder for one writer (flock on a lock file in it, which names the
// holder's PID). It ends with the last copy of the FolderLock, or with the process, so a killed
// writer never leaves a folder locked.
//
//   FolderLock lock = FolderLock::take("runs/x", ".learn2add.lock", "a training");
//   // TrackError: "runs/x is being written by a training (process 4242); wait for it to end ..."

#include <filesystem>
#include <memory>
#include <string>

namespace learn2add::track {

class FolderLock {
public:
    // `folder` must exist. `holderKind` names what holds the lock in the refusal ("another
    // training"). Throws TrackError when another writer holds it or the file cannot be written.
    static FolderLock take(const std::filesystem::path& folder, const std::string& lockFileName,
                           const std::string& holderKind);

private:
    struct Descriptor;
    explicit FolderLock(std::shared_ptr<Descriptor> descriptor) : descriptor_(std::move(descriptor)) {}
    std::shared_ptr<Descriptor> descriptor_;
};

}  // namespace learn2add::track
