#pragma once
// One TensorBoard event as plain values: what readEventFile() returns (see EventFileReader.h).

#include <cstdint>
#include <string>
#include <vector>

namespace learn2add::track {

struct ScalarValue {
    std::string tag;
    float value = 0.0f;
};

struct ImageValue {
    std::string tag;
    int height = 0;
    int width = 0;
    int colorspace = 0;                      // 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA
    std::vector<std::uint8_t> encodedImage;  // PNG for files we write; decode with cv::imdecode
};

struct EventRecord {
    double wallTime = 0.0;  // seconds since the Unix epoch
    std::int64_t step = 0;
    std::string fileVersion;  // "brain.Event:2" in a file's first event; empty otherwise
    // The summary's values this project understands; others (histograms, graphs, ...) are skipped.
    std::vector<ScalarValue> scalars;
    std::vector<ImageValue> images;
};

}  // namespace learn2add::track
