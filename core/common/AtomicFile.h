#pragma once
// Writing a file so that readers see either the old or the new content, never half of it: write a
// sibling temporary file, then rename it over the target (atomic on POSIX file systems).

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

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

// The same for content already in memory (text or binary): every byte is written and the file
// closed before the rename, each step checked, so a full disk is an error, never a short file.
void writeBytesAtomically(const std::filesystem::path& target, std::string_view bytes);
void writeTextAtomically(const std::filesystem::path& target, const std::string& text);

}  // namespace learn2add
