#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <vector>

#include <unistd.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/track/TrackTestSupport.h"
#include "track/EventFileReader.h"
#include "track/EventFileWriter.h"
#include "track/TfRecordWriter.h"

namespace learn2add::track {
namespace {

using testing::errorOf;
using testing::readBytes;
using testing::TempFolder;
using testing::writeBytes;

double now() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

std::vector<std::uint8_t> pattern(std::size_t size, int seed) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<std::uint8_t>(i * 37 + seed);
    return bytes;
}

// Decodes a PNG back to row-major bytes in the writer's channel order (grey, RGB or RGBA).
std::vector<std::uint8_t> decodePng(const std::vector<std::uint8_t>& png) {
    cv::Mat decoded = cv::imdecode(png, cv::IMREAD_UNCHANGED);
    if (decoded.channels() == 3) cv::cvtColor(decoded, decoded, cv::COLOR_BGR2RGB);
    if (decoded.channels() == 4) cv::cvtColor(decoded, decoded, cv::COLOR_BGRA2RGBA);
    return std::vector<std::uint8_t>(decoded.data,
                                     decoded.data + decoded.total() * decoded.elemSize());
}

TEST(EventFile, WritesAFileThatReadsBackValueForValue) {
    TempFolder folder;
    const std::filesystem::path run = folder.path() / "runs" / "ae-mse";  // created by the writer
    const std::vector<std::uint8_t> grey = pattern(5 * 3, 1);
    const std::vector<std::uint8_t> rgb = pattern(2 * 4 * 3, 2);
    const std::vector<std::uint8_t> rgba = pattern(3 * 3 * 4, 3);
    const double before = now();
    std::filesystem::path file;
    {
        EventFileWriter events(run);
        file = events.filePath();
        events.addScalar("loss/train", 1, 0.5f);
        events.addScalar("loss/validation", 1, -1.25e-7f);
        events.addScalar("loss/train", 2, 3.0e38f);
        events.addImage("reconstructions", 2, 5, 3, 1, grey);
        events.addImage("grid", 3, 2, 4, 3, rgb);
        events.addImage("overlay", 4, 3, 3, 4, rgba);
        events.close();
    }
    const double after = now();

    EXPECT_EQ(file.parent_path(), run);
    const std::string name = file.filename().string();
    EXPECT_EQ(name.rfind("events.out.tfevents.", 0), 0u) << name;
    EXPECT_NE(name.find("." + std::to_string(getpid()) + ".learn2add"), std::string::npos) << name;
    EXPECT_EQ(findEventFiles(run), std::vector<std::filesystem::path>{file});

    const std::vector<EventRecord> events = readEventFile(file);
    ASSERT_EQ(events.size(), 7u);
    EXPECT_EQ(events[0].fileVersion, "brain.Event:2");
    EXPECT_EQ(events[0].step, 0);
    EXPECT_TRUE(events[0].scalars.empty() && events[0].images.empty());
    for (const EventRecord& event : events) {
        EXPECT_GE(event.wallTime, std::floor(before));
        EXPECT_LE(event.wallTime, after + 1.0);
    }

    const std::vector<std::pair<std::int64_t, ScalarValue>> scalars = {
        {1, {"loss/train", 0.5f}},
        {1, {"loss/validation", -1.25e-7f}},
        {2, {"loss/train", 3.0e38f}}};
    for (std::size_t k = 0; k < scalars.size(); ++k) {
        const EventRecord& event = events[1 + k];
        EXPECT_TRUE(event.fileVersion.empty());
        EXPECT_EQ(event.step, scalars[k].first);
        ASSERT_EQ(event.scalars.size(), 1u);
        EXPECT_TRUE(event.images.empty());
        EXPECT_EQ(event.scalars[0].tag, scalars[k].second.tag);
        EXPECT_EQ(event.scalars[0].value, scalars[k].second.value);  // floats travel exactly
    }

    struct Expected {
        std::int64_t step;
        const char* tag;
        int height, width, colorspace;
        const std::vector<std::uint8_t>* pixels;
    };
    const Expected images[] = {{2, "reconstructions", 5, 3, 1, &grey},
                               {3, "grid", 2, 4, 3, &rgb},
                               {4, "overlay", 3, 3, 4, &rgba}};
    for (std::size_t k = 0; k < 3; ++k) {
        const EventRecord& event = events[4 + k];
        EXPECT_EQ(event.step, images[k].step);
        EXPECT_TRUE(event.scalars.empty());
        ASSERT_EQ(event.images.size(), 1u);
        const ImageValue& image = event.images[0];
        EXPECT_EQ(image.tag, images[k].tag);
        EXPECT_EQ(image.height, images[k].height);
        EXPECT_EQ(image.width, images[k].width);
        EXPECT_EQ(image.colorspace, images[k].colorspace);
        ASSERT_GE(image.encodedImage.size(), 8u);
        EXPECT_EQ(image.encodedImage[1], 'P');  // "\x89PNG"
        EXPECT_EQ(image.encodedImage[2], 'N');
        const cv::Mat decoded = cv::imdecode(image.encodedImage, cv::IMREAD_UNCHANGED);
        EXPECT_EQ(decoded.rows, images[k].height);
        EXPECT_EQ(decoded.cols, images[k].width);
        EXPECT_EQ(decodePng(image.encodedImage), *images[k].pixels) << image.tag;
    }
}

TEST(EventFile, WritesTheFileVersionAtOnce) {
    TempFolder folder;
    EventFileWriter events(folder.path());
    const std::vector<EventRecord> read = readEventFile(events.filePath());  // still open
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].fileVersion, "brain.Event:2");
}

TEST(EventFile, FlushMakesScalarsVisibleWhileTheFileIsOpen) {
    TempFolder folder;
    EventFileWriter events(folder.path());
    events.addScalar("accuracy", 7, 0.98f);
    events.flush();
    const std::vector<EventRecord> read = readEventFile(events.filePath());
    ASSERT_EQ(read.size(), 2u);
    ASSERT_EQ(read[1].scalars.size(), 1u);
    EXPECT_EQ(read[1].step, 7);
    EXPECT_EQ(read[1].scalars[0].value, 0.98f);
}

TEST(EventFile, TwoWritersInOneFolderWriteTwoFiles) {
    TempFolder folder;
    EventFileWriter first(folder.path());
    EventFileWriter second(folder.path());
    EXPECT_NE(first.filePath(), second.filePath());
    EXPECT_EQ(findEventFiles(folder.path()).size(), 2u);
    EXPECT_LT(first.filePath(), second.filePath());  // a later file sorts later
}

TEST(EventFile, FindEventFilesIgnoresOtherFiles) {
    TempFolder folder;
    writeBytes(folder.path() / "metrics.csv", {'a'});
    std::filesystem::create_directories(folder.path() / "figures");
    EventFileWriter events(folder.path());
    EXPECT_EQ(findEventFiles(folder.path()), std::vector<std::filesystem::path>{events.filePath()});
    const std::string message = errorOf([&] { findEventFiles(folder.path() / "missing"); });
    EXPECT_NE(message.find("cannot list the run folder"), std::string::npos) << message;
}

TEST(EventFile, DetectsAFlippedByteInAnEvent) {
    TempFolder folder;
    std::filesystem::path file;
    {
        EventFileWriter events(folder.path());
        file = events.filePath();
        events.addScalar("loss", 1, 0.25f);
    }
    std::vector<std::uint8_t> bytes = readBytes(file);
    bytes[bytes.size() - 6] ^= 0x10;  // inside the scalar event's data
    writeBytes(file, bytes);
    const std::string message = errorOf([&] { readEventFile(file); });
    EXPECT_NE(message.find(file.string() + ": record 1: data CRC mismatch"), std::string::npos)
        << message;
}

TEST(EventFile, ReportsATruncatedFileOrReadsUpToTheCut) {
    TempFolder folder;
    std::filesystem::path file;
    {
        EventFileWriter events(folder.path());
        file = events.filePath();
        events.addScalar("loss", 1, 0.25f);
        events.addScalar("loss", 2, 0.125f);
    }
    std::vector<std::uint8_t> bytes = readBytes(file);
    bytes.resize(bytes.size() - 3);
    writeBytes(file, bytes);
    const std::string message = errorOf([&] { readEventFile(file); });
    EXPECT_NE(message.find("record 2: the file ends inside the record"), std::string::npos)
        << message;
    const std::vector<EventRecord> read = readEventFile(file, TruncatedTail::Ignore);
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[1].scalars.at(0).value, 0.25f);
}

TEST(EventFile, ReportsARecordThatIsNotAnEvent) {
    TempFolder folder;
    {
        TfRecordWriter records(folder.path() / "events.out.tfevents.bad",
                               TfRecordWriter::Mode::CreateNew);
        records.write("\xff\xff\xff");  // a field key that never ends
    }
    const std::string message =
        errorOf([&] { readEventFile(folder.path() / "events.out.tfevents.bad"); });
    EXPECT_NE(message.find("record 0: not a TensorBoard event"), std::string::npos) << message;
}

TEST(EventFile, ReportsARunFolderThatCannotBeCreated) {
    TempFolder folder;
    writeBytes(folder.path() / "a-file", {'x'});
    const std::filesystem::path run = folder.path() / "a-file" / "run";
    const std::string message = errorOf([&] { EventFileWriter events(run); });
    EXPECT_NE(message.find(run.string() + ": cannot create the run folder (Not a directory)"),
              std::string::npos)
        << message;
}

TEST(EventFile, ReportsAFolderWithoutWritePermission) {
    if (geteuid() == 0) GTEST_SKIP() << "root may write anywhere";
    TempFolder folder;
    std::filesystem::permissions(
        folder.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    const std::string message = errorOf([&] { EventFileWriter events(folder.path()); });
    EXPECT_NE(message.find("cannot create the file (Permission denied)"), std::string::npos)
        << message;
}

TEST(EventFile, ReportsAFullDisk) {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    // The constructor flushes the file-version record, so a full disk shows at once.
    const std::string message = errorOf([] { EventFileWriter::toFile("/dev/full"); });
    EXPECT_NE(message.find("/dev/full: cannot write the file (No space left on device)"),
              std::string::npos)
        << message;
}

TEST(EventFile, ReportsAFullDiskThroughASymlinkInARunFolder) {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    TempFolder folder;
    std::filesystem::create_symlink("/dev/full", folder.path() / "events.out.tfevents.full");
    const std::string message =
        errorOf([&] { EventFileWriter::toFile(folder.path() / "events.out.tfevents.full"); });
    EXPECT_NE(
        message.find("events.out.tfevents.full: cannot write the file (No space left on device)"),
        std::string::npos)
        << message;
}

TEST(EventFile, RejectsImagesWhoseSizesDoNotAddUp) {
    TempFolder folder;
    EventFileWriter events(folder.path());
    const std::vector<std::uint8_t> bytes(14);
    std::string message = errorOf([&] { events.addImage("digits", 0, 5, 3, 1, bytes); });
    EXPECT_NE(message.find("image \"digits\": 3x5x1 needs 15 bytes, got 14"), std::string::npos)
        << message;
    message = errorOf([&] { events.addImage("digits", 0, 7, 1, 2, bytes); });
    EXPECT_NE(message.find("2 channels; allowed are 1 (grey), 3 (RGB) and 4 (RGBA)"),
              std::string::npos)
        << message;
    message = errorOf([&] { events.addImage("digits", 0, 0, 3, 1, {}); });
    EXPECT_NE(message.find("at least 1x1"), std::string::npos) << message;
    events.close();
    EXPECT_EQ(readEventFile(events.filePath()).size(), 1u);  // nothing half-written
}

TEST(EventFile, RejectsEmptyAndNonUtf8Tags) {
    TempFolder folder;
    EventFileWriter events(folder.path());
    std::string message = errorOf([&] { events.addScalar("", 0, 1.0f); });
    EXPECT_NE(message.find("a scalar needs a tag"), std::string::npos) << message;
    for (const char* tag : {"loss\xff", "cut\xc3", "overlong\xc0\xaf", "surrogate\xed\xa0\x80",
                            "beyond\xf4\x90\x80\x80"}) {
        message = errorOf([&] { events.addScalar(tag, 0, 1.0f); });
        EXPECT_NE(message.find("the tag of a scalar is not UTF-8"), std::string::npos) << message;
    }
    EXPECT_NO_THROW(events.addScalar("Verlust/\u00fcbung", 0, 1.0f));
    EXPECT_NO_THROW(events.addScalar("\u20ac/\U0001F642", 0, 1.0f));
    events.close();
    const std::vector<EventRecord> read = readEventFile(events.filePath());
    ASSERT_EQ(read.size(), 3u);
    EXPECT_EQ(read[2].scalars.at(0).tag, "\xe2\x82\xac/\xf0\x9f\x99\x82");  // UTF-8 bytes
}

TEST(EventFile, RefusesToWriteAfterClose) {
    TempFolder folder;
    EventFileWriter events(folder.path());
    events.close();
    const std::string message = errorOf([&] { events.addScalar("loss", 1, 1.0f); });
    EXPECT_NE(message.find("already closed"), std::string::npos) << message;
}

}  // namespace
}  // namespace learn2add::track
