#pragma once
// Writing a file so that readers see either the old or the new content, never half of it: write a
// sibling temporary file, then rename it over the target (atomic on POSIX file systems).

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace learn2add {

class FileWriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Calls write(temporaryPath) to produce the content, then renames it to `target`. When write throws
// or the rename fails, the temporary file is removed, `target` is left as it was, and
// FileWriteError says which file and why (e.g. "No space left on device").
void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<void(const std::filesystem::path&)>& write);

// The same for text content.
void writeTextAtomically(const std::filesystem::path& target, const std::string& text);

}  // namespace learn2add
