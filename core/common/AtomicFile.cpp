#include "common/AtomicFile.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace learn2add {

void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<void(const std::filesystem::path&)>& write) {
    const std::filesystem::path temporary =
        target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(getpid()));
    std::error_code ignored;
    try {
        write(temporary);
    } catch (const std::exception& e) {
        std::filesystem::remove(temporary, ignored);
        throw FileWriteError(target.string() + ": could not write (" + e.what() + ")");
    }
    std::error_code error;
    std::filesystem::rename(temporary, target, error);
    if (error) {
        std::filesystem::remove(temporary, ignored);
        throw FileWriteError(target.string() + ": could not replace the file (" + error.message() + ")");
    }
}

void writeTextAtomically(const std::filesystem::path& target, const std::string& text) {
    writeFileAtomically(target, [&text](const std::filesystem::path& path) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error(std::strerror(errno));
        out << text;
        out.flush();
        if (!out) throw std::runtime_error(errno ? std::strerror(errno) : "write failed");
    });
}

}  // namespace learn2add
