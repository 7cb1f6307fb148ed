#include "track/TfRecordReader.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <system_error>

#include <sys/stat.h>

#include "track/Crc32c.h"
#include "track/TrackError.h"

namespace learn2add::track {
namespace {

constexpr std::size_t kHeaderSize = 12;  // length (8) + masked CRC of the length (4)
constexpr std::size_t kFooterSize = 4;   // masked CRC of the data

std::uint64_t getLittleEndian(const std::uint8_t* bytes, int count) {
    std::uint64_t value = 0;
    for (int i = count - 1; i >= 0; --i) value = (value << 8) | bytes[i];
    return value;
}

std::string hex(std::uint32_t value) {
    char text[11];
    std::snprintf(text, sizeof text, "0x%08X", value);
    return text;
}

}  // namespace

void TfRecordReader::FileCloser::operator()(std::FILE* file) const {
    std::fclose(file);
}

TfRecordReader::TfRecordReader(std::filesystem::path file, TruncatedTail tail)
    : path_(std::move(file)), tail_(tail) {
    errno = 0;
    file_.reset(std::fopen(path_.c_str(), "rbe"));
    if (!file_) {
        const int error = errno;
        throw TrackError(path_.string() + ": cannot open the file (" +
                         (error ? std::system_category().message(error) : "unknown error") + ")");
    }
    std::error_code error;
    if (std::filesystem::is_directory(path_, error)) {
        throw TrackError(path_.string() + ": is a folder, not an event file");
    }
}

TfRecordReader::~TfRecordReader() = default;
TfRecordReader::TfRecordReader(TfRecordReader&&) noexcept = default;
TfRecordReader& TfRecordReader::operator=(TfRecordReader&&) noexcept = default;

std::optional<std::string> TfRecordReader::next() {
    if (!file_) return std::nullopt;  // ended at a truncated tail earlier
    const auto endAtTruncation = [&](const std::string& what) -> std::optional<std::string> {
        if (tail_ == TruncatedTail::Throw) fail(what);
        file_.reset();
        return std::nullopt;
    };

    std::array<std::uint8_t, kHeaderSize> header{};
    const std::size_t headerRead = readBytes(header.data(), header.size());
    if (headerRead == 0) return std::nullopt;
    if (headerRead < kHeaderSize) {
        return endAtTruncation("the file ends inside the record's header (" +
                               std::to_string(headerRead) + " of 12 bytes)");
    }

    const std::uint32_t storedLengthCrc =
        static_cast<std::uint32_t>(getLittleEndian(&header[8], 4));
    const std::uint32_t lengthCrc = maskCrc32c(crc32c(std::span(header.data(), 8)));
    if (storedLengthCrc != lengthCrc) {
        fail("length CRC mismatch (stored " + hex(storedLengthCrc) + ", computed " +
             hex(lengthCrc) + "): the file is corrupt");
    }

    const std::uint64_t length = getLittleEndian(header.data(), 8);
    if (length > bytesLeft()) {  // checked before allocating: a corrupt length could be huge
        return endAtTruncation("the file ends inside the record's data (" + std::to_string(length) +
                               " bytes announced, " + std::to_string(bytesLeft()) + " left)");
    }
    std::string data(static_cast<std::size_t>(length), '\0');
    if (readBytes(data.data(), data.size()) < data.size()) {
        return endAtTruncation("the file ends inside the record's data");
    }

    std::array<std::uint8_t, kFooterSize> footer{};
    const std::size_t footerRead = readBytes(footer.data(), footer.size());
    if (footerRead < kFooterSize) {
        return endAtTruncation("the file ends inside the record's data CRC (" +
                               std::to_string(footerRead) + " of 4 bytes)");
    }
    const std::uint32_t storedDataCrc =
        static_cast<std::uint32_t>(getLittleEndian(footer.data(), 4));
    const std::uint32_t dataCrc = maskCrc32c(crc32c(data));
    if (storedDataCrc != dataCrc) {
        fail("data CRC mismatch (stored " + hex(storedDataCrc) + ", computed " + hex(dataCrc) +
             "): the file is corrupt");
    }
    ++recordIndex_;
    return data;
}

std::size_t TfRecordReader::readBytes(void* bytes, std::size_t size) {
    errno = 0;
    const std::size_t read = std::fread(bytes, 1, size, file_.get());
    if (read < size && std::ferror(file_.get())) {
        const int error = errno;
        throw TrackError(path_.string() + ": record " + std::to_string(recordIndex_) +
                         ": cannot read the file (" +
                         (error ? std::system_category().message(error) : "unknown error") + ")");
    }
    offset_ += read;
    return read;
}

std::uint64_t TfRecordReader::bytesLeft() const {
    struct stat status {};
    if (fstat(fileno(file_.get()), &status) != 0 || status.st_size < 0) return 0;
    const auto size = static_cast<std::uint64_t>(status.st_size);  // may grow while we read
    return size < offset_ ? 0 : size - offset_;
}

void TfRecordReader::fail(const std::string& what) const {
    throw TrackError(path_.string() + ": record " + std::to_string(recordIndex_) + ": " + what);
}

}  // namespace learn2add::track
