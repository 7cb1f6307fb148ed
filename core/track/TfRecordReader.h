#pragma once
// Reads TFRecord-framed records back, checking both CRCs of every record.
//
//   learn2add::track::TfRecordReader
//   records("run/events.out.tfevents.1700000000.host.42.learn2add"); while
//   (std::optional<std::string> data = records.next()) { ... }
//
// Errors: the constructor and next() throw TrackError naming the file, the record index (counted
// from 0) and the problem: a CRC mismatch, or a file that ends inside a record. A file that another
// process is still writing may end inside its last record; TruncatedTail::Ignore treats that as
// the end of the file instead (a CRC mismatch is still an error).
//
// Thread-safety: none. One thread at a time may use a reader; it may be moved between threads.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace learn2add::track {

enum class TruncatedTail {
    Throw,   // a record cut short is an error (the default: files we read should be complete)
    Ignore,  // a record cut short at the end of the file is not returned, and reading stops there
};

class TfRecordReader {
public:
    // Opens the file; throws TrackError when it cannot be read.
    explicit TfRecordReader(std::filesystem::path file, TruncatedTail tail = TruncatedTail::Throw);
    ~TfRecordReader();
    TfRecordReader(TfRecordReader&&) noexcept;
    TfRecordReader& operator=(TfRecordReader&&) noexcept;

    // The next record's data, or nothing at the end of the file.
    std::optional<std::string> next();

    const std::filesystem::path& path() const { return path_; }
    // Records returned so far (the index of the record next() reads).
    std::uint64_t recordIndex() const { return recordIndex_; }

private:
    struct FileCloser {
        void operator()(std::FILE* file) const;
    };

    // Reads up to `size` bytes; returns how many were read (fewer only at the end of the file).
    std::size_t readBytes(void* bytes, std::size_t size);
    std::uint64_t bytesLeft() const;
    [[noreturn]] void fail(const std::string& what) const;

    std::filesystem::path path_;
    TruncatedTail tail_;
    std::unique_ptr<std::FILE, FileCloser> file_;
    std::uint64_t recordIndex_ = 0;
    std::uint64_t offset_ = 0;  // bytes consumed so far
};

}  // namespace learn2add::track
