#pragma once
#include <stdexcept>
#include <string>

namespace learn2add::track {

// Thrown by everything in core/track. what() starts with the file or folder concerned and says what
// went wrong in words a user can act on ("No space left on device", "record 3: data CRC mismatch");
// callers at the UI and CLI boundaries show it as it is.
class TrackError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace learn2add::track
