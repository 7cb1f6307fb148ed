#pragma once
// Writing a PNG the one way the project writes files: encoded in memory, then written atomically
// and checked (common/AtomicFile.h). cv::imwrite reports success for a truncated file on a full
// disk.

#include <filesystem>

namespace cv {
class Mat;
}

namespace learn2add {

// Throws FileWriteError naming the file and the reason (e.g. "No space left on device"); the
// previous file, if any, is left as it was.
void writePngAtomically(const std::filesystem::path& path, const cv::Mat& picture);

}  // namespace learn2add
