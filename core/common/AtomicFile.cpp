#include "common/AtomicFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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

void writeBytesAtomically(const std::filesystem::path& target, std::string_view bytes) {
    writeFileAtomically(target, [bytes](const std::filesystem::path& path) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) throw std::runtime_error(std::strerror(errno));
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                const int error = n < 0 ? errno : ENOSPC;
                ::close(fd);
                throw std::runtime_error(std::strerror(error));
            }
            done += static_cast<std::size_t>(n);
        }
        // A file system may report a full disk only when the data is flushed or the file closed.
        if (::fsync(fd) != 0 && errno != EINVAL) {
            const int error = errno;
            ::close(fd);
            throw std::runtime_error(std::strerror(error));
        }
        if (::close(fd) != 0) throw std::runtime_error(std::strerror(errno));
    });
}

void writeTextAtomically(const std::filesystem::path& target, const std::string& text) {
    writeBytesAtomically(target, text);
}

}  // namespace learn2add
