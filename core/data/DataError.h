#pragma once
#include <stdexcept>
#include <string>

namespace learn2add::data {

// Thrown by every loader in core/data. what() names the source (file name) and says what is wrong
// in words a user can act on; callers at the UI and CLI boundaries show it as it is.
class DataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace learn2add::data
