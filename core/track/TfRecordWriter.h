#pragma once
// Appends TFRecord-framed records to a file: the container format of TensorBoard event files.
//
//   learn2add::track::TfRecordWriter records("run/data.tfrecord",
//                                            learn2add::track::TfRecordWriter::Mode::CreateNew);
//   records.write(serializedEvent);
//   records.flush();   // or close(); the destructor closes quietly
//
// Each record is: uint64 length (little-endian), uint32 masked CRC-32C of those 8 bytes, the data,
// uint32 masked CRC-32C of the data. Writes go through the C library's buffer; flush() hands them
// to the operating system.
//
// Errors: every call throws TrackError naming the file and the reason ("No space left on device").
// A full disk may only show at flush() or close(), when the buffer is written out. After a failed
// write the writer refuses further records, so the file never holds a half-written record followed
// by more data.
//
// Thread-safety: none. One thread at a time may use a writer; it may be moved between threads.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace learn2add::track {

class TfRecordWriter {
public:
    enum class Mode {
        CreateNew,  // fail when the file exists
        Overwrite,  // create or truncate (also works for devices such as /dev/full)
    };

    // Opens the file; throws TrackError when it cannot be created (missing folder, permissions).
    TfRecordWriter(std::filesystem::path file, Mode mode);
    ~TfRecordWriter();
    TfRecordWriter(TfRecordWriter&&) noexcept;
    TfRecordWriter& operator=(TfRecordWriter&&) noexcept;

    // Appends one record holding `data` (any bytes).
    void write(std::string_view data);
    // Hands buffered records to the operating system.
    void flush();
    // Flushes and closes the file; later calls other than close() throw. Calling it twice is fine.
    void close();

    const std::filesystem::path& path() const { return path_; }
    // Records written so far.
    std::uint64_t recordCount() const { return recordCount_; }

private:
    struct FileCloser {
        void operator()(std::FILE* file) const;
    };

    void writeBytes(const void* bytes, std::size_t size);
    void ensureWritable() const;
    [[noreturn]] void fail(const std::string& what, int error);

    std::filesystem::path path_;
    std::unique_ptr<std::FILE, FileCloser> file_;
    std::uint64_t recordCount_ = 0;
    std::string failure_;  // set after a failed write: why the writer refuses more records
};

}  // namespace learn2add::track
