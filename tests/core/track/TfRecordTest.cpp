#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/track/TrackTestSupport.h"
#include "track/Crc32c.h"
#include "track/TfRecordReader.h"
#include "track/TfRecordWriter.h"

namespace learn2add::track {
namespace {

using testing::errorOf;
using testing::readBytes;
using testing::TempFolder;
using testing::writeBytes;

std::uint32_t littleEndian32(const std::vector<std::uint8_t>& bytes, std::size_t at) {
    return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) |
           (static_cast<std::uint32_t>(bytes[at + 3]) << 24);
}

void writeRecords(const std::filesystem::path& file, const std::vector<std::string>& records) {
    TfRecordWriter writer(file, TfRecordWriter::Mode::CreateNew);
    for (const std::string& record : records) writer.write(record);
    writer.close();
}

std::vector<std::string> readRecords(const std::filesystem::path& file,
                                     TruncatedTail tail = TruncatedTail::Throw) {
    TfRecordReader reader(file, tail);
    std::vector<std::string> records;
    while (auto record = reader.next()) records.push_back(*record);
    return records;
}

TEST(TfRecord, FramesARecordAsLengthCrcDataCrc) {
    TempFolder folder;
    writeRecords(folder.path() / "r", {"abc"});
    const std::vector<std::uint8_t> bytes = readBytes(folder.path() / "r");
    ASSERT_EQ(bytes.size(), 8u + 4u + 3u + 4u);
    EXPECT_EQ(std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + 8),
              (std::vector<std::uint8_t>{3, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(littleEndian32(bytes, 8),
              maskCrc32c(crc32c(std::span(bytes.data(), std::size_t{8}))));
    EXPECT_EQ(std::string(bytes.begin() + 12, bytes.begin() + 15), "abc");
    EXPECT_EQ(littleEndian32(bytes, 15), maskCrc32c(crc32c("abc")));
}

TEST(TfRecord, ReadsBackWhatWasWritten) {
    TempFolder folder;
    const std::vector<std::string> records = {"first", "", std::string("\0\xff\x01", 3),
                                              std::string(100000, 'x')};
    writeRecords(folder.path() / "r", records);
    EXPECT_EQ(readRecords(folder.path() / "r"), records);
}

TEST(TfRecord, AnEmptyFileHasNoRecords) {
    TempFolder folder;
    writeRecords(folder.path() / "r", {});
    EXPECT_TRUE(readRecords(folder.path() / "r").empty());
}

TEST(TfRecord, CountsRecords) {
    TempFolder folder;
    TfRecordWriter writer(folder.path() / "r", TfRecordWriter::Mode::CreateNew);
    writer.write("a");
    writer.write("b");
    EXPECT_EQ(writer.recordCount(), 2u);
}

TEST(TfRecord, DetectsAFlippedDataByte) {
    TempFolder folder;
    writeRecords(folder.path() / "r", {"first", "second"});
    std::vector<std::uint8_t> bytes = readBytes(folder.path() / "r");
    bytes[12 + 5 + 4 + 12 + 2] ^= 0x01;  // the "c" of "second"
    writeBytes(folder.path() / "r", bytes);
    const std::string message = errorOf([&] { readRecords(folder.path() / "r"); });
    EXPECT_NE(message.find(folder.path().string()), std::string::npos) << message;
    EXPECT_NE(message.find("record 1: data CRC mismatch"), std::string::npos) << message;
}

TEST(TfRecord, DetectsAFlippedLengthByte) {
    TempFolder folder;
    writeRecords(folder.path() / "r", {"first"});
    std::vector<std::uint8_t> bytes = readBytes(folder.path() / "r");
    bytes[0] ^= 0x40;
    writeBytes(folder.path() / "r", bytes);
    const std::string message = errorOf([&] { readRecords(folder.path() / "r"); });
    EXPECT_NE(message.find("record 0: length CRC mismatch"), std::string::npos) << message;
}

TEST(TfRecord, DetectsAFlippedCrcByte) {
    TempFolder folder;
    writeRecords(folder.path() / "r", {"first"});
    std::vector<std::uint8_t> bytes = readBytes(folder.path() / "r");
    bytes.back() ^= 0x80;
    writeBytes(folder.path() / "r", bytes);
    const std::string message = errorOf([&] { readRecords(folder.path() / "r"); });
    EXPECT_NE(message.find("record 0: data CRC mismatch"), std::string::npos) << message;
}

TEST(TfRecord, ReportsATruncationAnywhereInTheLastRecord) {
    TempFolder folder;
    writeRecords(folder.path() / "r", {"first", "second"});
    const std::vector<std::uint8_t> whole = readBytes(folder.path() / "r");
    const std::size_t secondStart = 12 + 5 + 4;
    for (std::size_t size = secondStart + 1; size < whole.size(); ++size) {
        writeBytes(folder.path() / "r",
                   std::vector<std::uint8_t>(whole.begin(), whole.begin() + size));
        const std::string message = errorOf([&] { readRecords(folder.path() / "r"); });
        EXPECT_NE(message.find("record 1: the file ends inside the record"), std::string::npos)
            << "size " << size << ": " << message;
        EXPECT_EQ(readRecords(folder.path() / "r", TruncatedTail::Ignore),
                  std::vector<std::string>{"first"})
            << "size " << size;
    }
}

TEST(TfRecord, RefusesToReplaceAnExistingFileInCreateNewMode) {
    TempFolder folder;
    writeRecords(folder.path() / "r", {"first"});
    const std::string message =
        errorOf([&] { TfRecordWriter(folder.path() / "r", TfRecordWriter::Mode::CreateNew); });
    EXPECT_NE(message.find("cannot create the file (File exists)"), std::string::npos) << message;
    EXPECT_EQ(readRecords(folder.path() / "r"), std::vector<std::string>{"first"});
}

TEST(TfRecord, ReportsAMissingFile) {
    TempFolder folder;
    const std::string message = errorOf([&] { TfRecordReader reader(folder.path() / "missing"); });
    EXPECT_NE(message.find("missing: cannot open the file (No such file or directory)"),
              std::string::npos)
        << message;
}

TEST(TfRecord, RefusesToWriteAfterClose) {
    TempFolder folder;
    TfRecordWriter writer(folder.path() / "r", TfRecordWriter::Mode::CreateNew);
    writer.close();
    writer.close();  // harmless
    const std::string message = errorOf([&] { writer.write("late"); });
    EXPECT_NE(message.find("already closed"), std::string::npos) << message;
}

TEST(TfRecord, ReportsAFullDiskAndThenRefusesMoreRecords) {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    TfRecordWriter writer("/dev/full", TfRecordWriter::Mode::Overwrite);
    writer.write("small enough to stay in the buffer");
    const std::string message = errorOf([&] { writer.flush(); });
    EXPECT_NE(message.find("/dev/full: cannot write the file (No space left on device)"),
              std::string::npos)
        << message;
    const std::string later = errorOf([&] { writer.write("more"); });
    EXPECT_NE(later.find("an earlier write failed (No space left on device)"), std::string::npos)
        << later;
    EXPECT_NO_THROW(writer.close());  // the failure was reported once already
}

TEST(TfRecord, ReportsAFullDiskForALargeRecordAtOnce) {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    TfRecordWriter writer("/dev/full", TfRecordWriter::Mode::Overwrite);
    const std::string message = errorOf([&] { writer.write(std::string(1 << 20, 'x')); });
    EXPECT_NE(message.find("No space left on device"), std::string::npos) << message;
}

}  // namespace
}  // namespace learn2add::track
