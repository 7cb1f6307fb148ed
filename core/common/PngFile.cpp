#include "common/PngFile.h"

#include <opencv2/imgcodecs.hpp>

#include <string>
#include <vector>

#include "common/AtomicFile.h"

namespace learn2add {

void writePngAtomically(const std::filesystem::path& path, const cv::Mat& picture) {
    std::vector<unsigned char> png;
    try {
        if (!cv::imencode(".png", picture, png))
            throw FileWriteError(path.string() + ": PNG encoding failed");
    } catch (const cv::Exception& e) {
        throw FileWriteError(path.string() + ": cannot encode the PNG (" + e.what() + ")");
    }
    writeBytesAtomically(path,
                         std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
}

}  // namespace learn2add
