#include "track/EventFileWriter.h"

#include <chrono>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "track/TrackError.h"
#include "track/tensorboard_event.pb.h"

namespace learn2add::track {
namespace {

constexpr const char* kFileVersion = "brain.Event:2";

double wallTimeNow() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

// Host names may hold characters that are awkward in file names; keep the usual ones.
std::string hostNameForFileName() {
    char buffer[256] = {};
    if (gethostname(buffer, sizeof buffer - 1) != 0 || buffer[0] == '\0') return "localhost";
    std::string name(buffer);
    for (char& c : name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!plain) c = '_';
    }
    return name;
}

// The first free name; the numbered variants sort after the plain one, as TensorBoard expects of
// files written later.
std::filesystem::path newEventFilePath(const std::filesystem::path& runFolder) {
    using namespace std::chrono;
    const auto seconds =
        duration_cast<std::chrono::seconds>(system_clock::now().time_since_epoch());
    const std::string base = "events.out.tfevents." + std::to_string(seconds.count()) + "." +
                             hostNameForFileName() + "." + std::to_string(getpid()) + ".learn2add";
    std::filesystem::path candidate = runFolder / base;
    for (int n = 2; std::filesystem::exists(candidate); ++n) {
        candidate = runFolder / (base + "." + std::to_string(n));
    }
    return candidate;
}

TfRecordWriter openInRunFolder(const std::filesystem::path& runFolder) {
    std::error_code error;
    std::filesystem::create_directories(runFolder, error);
    if (error) {
        throw TrackError(runFolder.string() + ": cannot create the run folder (" + error.message() +
                         ")");
    }
    return TfRecordWriter(newEventFilePath(runFolder), TfRecordWriter::Mode::CreateNew);
}

std::string serialize(const tensorboard::Event& event, const std::filesystem::path& file) {
    std::string bytes;
    if (!event.SerializeToString(&bytes)) {
        throw TrackError(file.string() + ": cannot serialize an event");
    }
    return bytes;
}

std::string quoted(std::string_view tag) {
    std::string text;
    text.reserve(tag.size() + 2);
    text.append(1, '"').append(tag).append(1, '"');
    return text;
}

// Tags are protobuf strings, which readers (ours, TensorBoard's) reject unless they are UTF-8:
// no stray bytes, no overlong forms, no surrogates, nothing above U+10FFFF.
bool isUtf8(std::string_view text) {
    static constexpr std::uint32_t kSmallestOfLength[] = {0, 0, 0x80, 0x800, 0x10000};
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = (lead >> 5) == 0x6    ? 2
                                   : (lead >> 4) == 0xE  ? 3
                                   : (lead >> 3) == 0x1E ? 4
                                                         : 0;
        if (length == 0 || i + length > text.size()) return false;
        std::uint32_t code = lead & (0x7Fu >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3Fu);
        }
        if (code < kSmallestOfLength[length] || code > 0x10FFFF ||
            (code >= 0xD800 && code <= 0xDFFF)) {
            return false;
        }
        i += length;
    }
    return true;
}

void checkTag(std::string_view tag, const std::filesystem::path& file, const char* what) {
    if (tag.empty()) throw TrackError(file.string() + ": " + what + " needs a tag");
    if (!isUtf8(tag)) throw TrackError(file.string() + ": the tag of " + what + " is not UTF-8");
}

}  // namespace

EventFileWriter::EventFileWriter(const std::filesystem::path& runFolder)
    : records_(openInRunFolder(runFolder)) {
    writeFileVersion();
}

EventFileWriter::EventFileWriter(TfRecordWriter records) : records_(std::move(records)) {
    writeFileVersion();
}

EventFileWriter EventFileWriter::toFile(const std::filesystem::path& file) {
    return EventFileWriter(TfRecordWriter(file, TfRecordWriter::Mode::Overwrite));
}

void EventFileWriter::writeFileVersion() {
    tensorboard::Event event;
    event.set_wall_time(wallTimeNow());
    event.set_step(0);
    event.set_file_version(kFileVersion);
    records_.write(serialize(event, filePath()));
    records_.flush();
}

void EventFileWriter::addScalar(std::string_view tag, std::int64_t step, float value) {
    checkTag(tag, filePath(), "a scalar");
    tensorboard::Event event;
    event.set_wall_time(wallTimeNow());
    event.set_step(step);
    tensorboard::Summary::Value* entry = event.mutable_summary()->add_value();
    entry->set_tag(std::string(tag));
    entry->set_simple_value(value);
    records_.write(serialize(event, filePath()));
}

void EventFileWriter::addSessionStart(std::int64_t step) {
    tensorboard::Event event;
    event.set_wall_time(wallTimeNow());
    event.set_step(step);
    event.mutable_session_log()->set_status(tensorboard::SessionLog::START);
    records_.write(serialize(event, filePath()));
}

void EventFileWriter::addImage(std::string_view tag, std::int64_t step, int height, int width,
                               int channels, std::span<const std::uint8_t> pixelsRowMajor) {
    checkTag(tag, filePath(), "an image");
    const std::string where = filePath().string() + ": image " + quoted(tag);
    if (height < 1 || width < 1) {
        throw TrackError(where + ": the size must be at least 1x1, not " + std::to_string(width) +
                         "x" + std::to_string(height));
    }
    if (channels != 1 && channels != 3 && channels != 4) {
        throw TrackError(where + ": " + std::to_string(channels) +
                         " channels; allowed are 1 (grey), 3 (RGB) and 4 (RGBA)");
    }
    const std::size_t expected = static_cast<std::size_t>(height) *
                                 static_cast<std::size_t>(width) *
                                 static_cast<std::size_t>(channels);
    if (pixelsRowMajor.size() != expected) {
        throw TrackError(where + ": " + std::to_string(width) + "x" + std::to_string(height) + "x" +
                         std::to_string(channels) + " needs " + std::to_string(expected) +
                         " bytes, got " + std::to_string(pixelsRowMajor.size()));
    }

    std::vector<std::uint8_t> png;
    try {
        const cv::Mat pixels(height, width, CV_8UC(channels),
                             const_cast<std::uint8_t*>(pixelsRowMajor.data()));
        cv::Mat ordered;  // OpenCV encodes BGR(A)
        if (channels == 3) {
            cv::cvtColor(pixels, ordered, cv::COLOR_RGB2BGR);
        } else if (channels == 4) {
            cv::cvtColor(pixels, ordered, cv::COLOR_RGBA2BGRA);
        } else {
            ordered = pixels;
        }
        if (!cv::imencode(".png", ordered, png)) throw TrackError(where + ": PNG encoding failed");
    } catch (const cv::Exception& e) {
        throw TrackError(where + ": PNG encoding failed (" + e.what() + ")");
    }

    tensorboard::Event event;
    event.set_wall_time(wallTimeNow());
    event.set_step(step);
    tensorboard::Summary::Value* entry = event.mutable_summary()->add_value();
    entry->set_tag(std::string(tag));
    tensorboard::Summary::Image* image = entry->mutable_image();
    image->set_height(height);
    image->set_width(width);
    image->set_colorspace(channels);  // TensorBoard's codes: 1 grey, 3 RGB, 4 RGBA
    image->set_encoded_image_string(png.data(), png.size());
    records_.write(serialize(event, filePath()));
}

void EventFileWriter::flush() {
    records_.flush();
}

void EventFileWriter::close() {
    records_.close();
}

}  // namespace learn2add::track
