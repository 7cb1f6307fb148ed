#include "data/IdxFile.h"

#include <gtest/gtest.h>

#include "core/data/IdxFixtures.h"
#include "data/DataError.h"
#include "data/Gzip.h"

namespace learn2add::data {
namespace {

using testing::makeImages;
using testing::TempFolder;
using testing::writeBytes;

// Runs `parse` and returns the DataError message, or fails when nothing is thrown.
template <typename F>
std::string errorOf(F parse) {
    try {
        parse();
    } catch (const DataError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a DataError";
    return {};
}

TEST(IdxFile, ReadsRawFile) {
    TempFolder folder;
    writeBytes(folder.path() / "images", encodeIdx(makeImages(3, 4, 5)));
    const IdxArray array = readIdxFile(folder.path() / "images");
    EXPECT_EQ(array.dims, (std::vector<std::int32_t>{3, 4, 5}));
    ASSERT_EQ(array.values.size(), 60u);
    EXPECT_EQ(array.values[0], 0);
    EXPECT_EQ(array.values[20], 1);
    EXPECT_EQ(array.values[59], 2);
}

TEST(IdxFile, ReadsGzipFileToTheSameArray) {
    TempFolder folder;
    const auto raw = encodeIdx(makeImages(7, 28, 28));
    writeBytes(folder.path() / "images.gz", gzip(raw));
    const IdxArray array = readIdxFile(folder.path() / "images.gz");
    EXPECT_EQ(encodeIdx(array), raw);
}

TEST(IdxFile, RejectsTruncatedData) {
    auto bytes = encodeIdx(makeImages(3, 4, 5));
    bytes.resize(bytes.size() - 7);
    const std::string message = errorOf([&] { parseIdx(bytes, "cut.idx"); });
    EXPECT_NE(message.find("cut.idx"), std::string::npos) << message;
    EXPECT_NE(message.find("truncated"), std::string::npos) << message;
    EXPECT_NE(message.find("60 values"), std::string::npos) << message;
}

TEST(IdxFile, RejectsTruncatedHeader) {
    auto bytes = encodeIdx(makeImages(3, 4, 5));
    bytes.resize(9);
    EXPECT_NE(errorOf([&] { parseIdx(bytes, "h"); }).find("truncated IDX header"), std::string::npos);
}

TEST(IdxFile, RejectsTruncatedGzipStream) {
    auto compressed = gzip(encodeIdx(makeImages(50, 28, 28)));
    compressed.resize(compressed.size() / 2);
    const std::string message = errorOf([&] { parseIdx(compressed, "half.gz"); });
    EXPECT_NE(message.find("half.gz"), std::string::npos) << message;
    EXPECT_NE(message.find("gzip stream is truncated"), std::string::npos) << message;
}

TEST(IdxFile, RejectsCorruptGzipStream) {
    auto compressed = gzip(encodeIdx(makeImages(50, 28, 28)));
    for (std::size_t i = 12; i < 40; ++i) compressed[i] ^= 0x5a;
    EXPECT_NE(errorOf([&] { parseIdx(compressed, "bad.gz"); }).find("corrupt"), std::string::npos);
}

TEST(IdxFile, RefusesAGzipBombAfterTheAnnouncedSize) {
    // 2 images of 4x4 announced (48 bytes with the header), then megabytes of zeros that compress
    // to almost nothing: refused once more than the announced size has come out, naming the file.
    auto raw = encodeIdx(makeImages(2, 4, 4));
    raw.resize(raw.size() + (8u << 20), 0);
    const auto compressed = gzip(raw);
    ASSERT_LT(compressed.size(), 64u << 10);
    const std::string message = errorOf([&] { parseIdx(compressed, "bomb.gz"); });
    EXPECT_NE(message.find("bomb.gz"), std::string::npos) << message;
    EXPECT_NE(message.find("more than the 48 bytes its IDX header announces"), std::string::npos)
        << message;
}

TEST(IdxFile, RejectsWrongMagic) {
    auto bytes = encodeIdx(makeImages(2, 4, 4));
    bytes[0] = 0x12;
    EXPECT_NE(errorOf([&] { parseIdx(bytes, "m"); }).find("not an IDX file"), std::string::npos);
}

TEST(IdxFile, RejectsUnsupportedElementType) {
    auto bytes = encodeIdx(makeImages(2, 4, 4));
    bytes[2] = 0x0D;  // float
    EXPECT_NE(errorOf([&] { parseIdx(bytes, "f"); }).find("not supported"), std::string::npos);
}

TEST(IdxFile, RejectsTrailingBytes) {
    auto bytes = encodeIdx(makeImages(2, 4, 4));
    bytes.push_back(1);
    EXPECT_NE(errorOf([&] { parseIdx(bytes, "t"); }).find("1 unexpected bytes"), std::string::npos);
}

TEST(IdxFile, RejectsEmptyInput) {
    TempFolder folder;
    writeBytes(folder.path() / "empty", {});
    EXPECT_NE(errorOf([&] { readIdxFile(folder.path() / "empty"); }).find("empty"),
              std::string::npos);
}

TEST(IdxFile, RejectsMissingFile) {
    const std::string message = errorOf([] { readIdxFile("/nonexistent/learn2add/file"); });
    EXPECT_NE(message.find("cannot open"), std::string::npos) << message;
}

}  // namespace
}  // namespace learn2add::data
