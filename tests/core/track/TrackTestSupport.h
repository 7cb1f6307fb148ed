#pragma once
// Helpers for the core/track tests: a temporary folder, whole-file bytes, and catching TrackError.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "track/TrackError.h"

namespace learn2add::track::testing {

// A fresh, empty folder under the system temp directory, removed by the destructor.
class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

std::vector<std::uint8_t> readBytes(const std::filesystem::path& file);
void writeBytes(const std::filesystem::path& file, const std::vector<std::uint8_t>& bytes);

// Runs `action` and returns the TrackError message, or records a failure when nothing is thrown.
template <typename F>
std::string errorOf(F action) {
    try {
        action();
    } catch (const TrackError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a TrackError";
    return {};
}

}  // namespace learn2add::track::testing
