#include "track/EventFileReader.h"

#include <algorithm>
#include <optional>
#include <string>
#include <system_error>

#include "track/TrackError.h"
#include "track/tensorboard_event.pb.h"

namespace learn2add::track {
namespace {

EventRecord toRecord(const tensorboard::Event& event) {
    EventRecord record;
    record.wallTime = event.wall_time();
    record.step = event.step();
    if (event.has_file_version()) record.fileVersion = event.file_version();
    if (!event.has_summary()) return record;
    for (const tensorboard::Summary::Value& value : event.summary().value()) {
        if (value.has_simple_value()) {
            record.scalars.push_back({value.tag(), value.simple_value()});
        } else if (value.has_image()) {
            const tensorboard::Summary::Image& image = value.image();
            const std::string& bytes = image.encoded_image_string();
            record.images.push_back({value.tag(), image.height(), image.width(), image.colorspace(),
                                     std::vector<std::uint8_t>(bytes.begin(), bytes.end())});
        }
    }
    return record;
}

}  // namespace

std::vector<EventRecord> readEventFile(const std::filesystem::path& file, TruncatedTail tail) {
    TfRecordReader records(file, tail);
    std::vector<EventRecord> events;
    while (true) {
        const std::uint64_t index = records.recordIndex();
        const std::optional<std::string> data = records.next();
        if (!data) break;
        tensorboard::Event event;
        if (!event.ParseFromString(*data)) {
            throw TrackError(file.string() + ": record " + std::to_string(index) +
                             ": not a TensorBoard event (the protobuf does not parse)");
        }
        events.push_back(toRecord(event));
    }
    return events;
}

std::vector<std::filesystem::path> findEventFiles(const std::filesystem::path& runFolder) {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(runFolder, error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        std::error_code typeError;
        if (name.find("tfevents") != std::string::npos && it->is_regular_file(typeError)) {
            files.push_back(it->path());
        }
    }
    if (error) {
        throw TrackError(runFolder.string() + ": cannot list the run folder (" + error.message() +
                         ")");
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace learn2add::track
