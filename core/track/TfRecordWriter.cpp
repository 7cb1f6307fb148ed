#include "track/TfRecordWriter.h"

#include <array>
#include <cerrno>
#include <system_error>

#include "track/Crc32c.h"
#include "track/TrackError.h"

namespace learn2add::track {
namespace {

std::string describeErrno(int error) {
    if (error == 0) return "unknown error";
    return std::system_category().message(error);
}

void putLittleEndian(std::uint8_t* out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

}  // namespace

void TfRecordWriter::FileCloser::operator()(std::FILE* file) const {
    std::fclose(file);  // errors here are only reported through close()
}

TfRecordWriter::TfRecordWriter(std::filesystem::path file, Mode mode) : path_(std::move(file)) {
    // "x": exclusive create; "e": close-on-exec (both glibc extensions, also in C11 for "x").
    const char* openMode = mode == Mode::CreateNew ? "wbxe" : "wbe";
    errno = 0;
    file_.reset(std::fopen(path_.c_str(), openMode));
    if (!file_) {
        const int error = errno;
        throw TrackError(path_.string() + ": cannot create the file (" + describeErrno(error) +
                         ")");
    }
}

TfRecordWriter::~TfRecordWriter() = default;
TfRecordWriter::TfRecordWriter(TfRecordWriter&&) noexcept = default;
TfRecordWriter& TfRecordWriter::operator=(TfRecordWriter&&) noexcept = default;

void TfRecordWriter::write(std::string_view data) {
    ensureWritable();
    std::array<std::uint8_t, 12> header{};
    putLittleEndian(header.data(), data.size(), 8);
    putLittleEndian(header.data() + 8, maskCrc32c(crc32c(std::span(header.data(), 8))), 4);
    std::array<std::uint8_t, 4> footer{};
    putLittleEndian(footer.data(), maskCrc32c(crc32c(data)), 4);

    writeBytes(header.data(), header.size());
    writeBytes(data.data(), data.size());
    writeBytes(footer.data(), footer.size());
    ++recordCount_;
}

void TfRecordWriter::flush() {
    ensureWritable();
    errno = 0;
    if (std::fflush(file_.get()) != 0) fail("cannot write the file", errno);
}

void TfRecordWriter::close() {
    if (!file_) return;
    if (!failure_.empty()) {
        file_.reset();  // the reason was already thrown once; the file is known to be incomplete
        return;
    }
    errno = 0;
    const int result = std::fclose(file_.release());
    if (result != 0) fail("cannot finish writing the file", errno);
}

void TfRecordWriter::writeBytes(const void* bytes, std::size_t size) {
    if (size == 0) return;
    errno = 0;
    if (std::fwrite(bytes, 1, size, file_.get()) != size) fail("cannot write the file", errno);
}

void TfRecordWriter::ensureWritable() const {
    if (!file_) throw TrackError(path_.string() + ": the file is already closed");
    if (!failure_.empty()) {
        throw TrackError(path_.string() + ": an earlier write failed (" + failure_ +
                         "); no more records are accepted");
    }
}

void TfRecordWriter::fail(const std::string& what, int error) {
    failure_ = describeErrno(error);
    throw TrackError(path_.string() + ": " + what + " (" + failure_ + ")");
}

}  // namespace learn2add::track
