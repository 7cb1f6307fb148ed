#include "data/IdxFile.h"

#include <fstream>
#include <iterator>

#include "data/DataError.h"
#include "data/Gzip.h"

namespace learn2add::data {
namespace {

constexpr std::uint8_t kUnsignedByteType = 0x08;
constexpr int kMaxDims = 4;

std::uint32_t readBigEndian(std::span<const std::uint8_t> bytes, std::size_t offset) {
    return (std::uint32_t{bytes[offset]} << 24) | (std::uint32_t{bytes[offset + 1]} << 16) |
           (std::uint32_t{bytes[offset + 2]} << 8) | std::uint32_t{bytes[offset + 3]};
}

// Checks the IDX header at the start of `bytes` and returns the file size it announces (header and
// values), or throws DataError naming the file.
std::uint64_t announcedSize(std::span<const std::uint8_t> bytes, const std::string& name) {
    if (bytes.empty()) throw DataError(name + ": the file is empty; expected an IDX file");
    if (bytes.size() < 4 || bytes[0] != 0 || bytes[1] != 0) {
        throw DataError(name + ": not an IDX file (its first bytes are not the IDX magic 00 00 ..)");
    }
    if (bytes[2] != kUnsignedByteType) {
        throw DataError(name + ": IDX element type 0x" + std::to_string(bytes[2]) +
                        " is not supported; MNIST files hold unsigned bytes (type 0x08)");
    }
    const int dimCount = bytes[3];
    if (dimCount < 1 || dimCount > kMaxDims) {
        throw DataError(name + ": IDX header declares " + std::to_string(dimCount) +
                        " dimensions; 1 to 4 are allowed");
    }
    const std::size_t headerSize = 4 + 4 * static_cast<std::size_t>(dimCount);
    if (bytes.size() < headerSize) {
        throw DataError(name + ": truncated IDX header (" + std::to_string(bytes.size()) +
                        " bytes, the header alone needs " + std::to_string(headerSize) + ")");
    }
    std::uint64_t elementCount = 1;
    for (int d = 0; d < dimCount; ++d) {
        const std::uint32_t size = readBigEndian(bytes, 4 + 4 * static_cast<std::size_t>(d));
        if (size > 0x7fffffffu) {
            throw DataError(name + ": IDX dimension " + std::to_string(d) + " is negative or too large");
        }
        elementCount *= size;
        if (elementCount > (std::uint64_t{1} << 36)) {
            throw DataError(name + ": IDX dimensions describe more than 64 GiB of data");
        }
    }
    return headerSize + elementCount;
}

IdxArray parseRawIdx(std::span<const std::uint8_t> bytes, const std::string& name) {
    const std::uint64_t expected = announcedSize(bytes, name);
    const int dimCount = bytes[3];
    const std::size_t headerSize = 4 + 4 * static_cast<std::size_t>(dimCount);
    const std::uint64_t elementCount = expected - headerSize;
    IdxArray array;
    for (int d = 0; d < dimCount; ++d) {
        array.dims.push_back(
            static_cast<std::int32_t>(readBigEndian(bytes, 4 + 4 * static_cast<std::size_t>(d))));
    }
    if (bytes.size() < expected) {
        throw DataError(name + ": truncated IDX file: the header announces " +
                        std::to_string(elementCount) + " values but only " +
                        std::to_string(bytes.size() - headerSize) + " follow");
    }
    if (bytes.size() > expected) {
        throw DataError(name + ": " + std::to_string(bytes.size() - expected) +
                        " unexpected bytes after the data the IDX header announces");
    }
    array.values.assign(bytes.begin() + static_cast<std::ptrdiff_t>(headerSize), bytes.end());
    return array;
}

}  // namespace

IdxArray parseIdx(std::span<const std::uint8_t> bytes, const std::string& sourceName) {
    if (isGzip(bytes)) {
        // The header comes first: what it announces bounds the decompression (a small file that
        // inflates to gigabytes is refused after reading the announced size, not after filling
        // the memory). One byte more than announced tells "unexpected bytes after the data".
        const std::vector<std::uint8_t> header = gunzipAtMost(bytes, sourceName, 4 + 4 * kMaxDims);
        const std::uint64_t announced = announcedSize(header, sourceName);
        const std::vector<std::uint8_t> raw =
            gunzipAtMost(bytes, sourceName, static_cast<std::size_t>(announced) + 1);
        if (raw.size() > announced) {
            throw DataError(sourceName + ": the gzip stream holds more than the " +
                            std::to_string(announced) + " bytes its IDX header announces; refused");
        }
        return parseRawIdx(raw, sourceName);
    }
    return parseRawIdx(bytes, sourceName);
}

IdxArray readIdxFile(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(path.string() + ": cannot open the file for reading");
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    if (in.bad()) throw DataError(path.string() + ": read error");
    return parseIdx(bytes, name);
}

std::vector<std::uint8_t> encodeIdx(const IdxArray& array) {
    std::vector<std::uint8_t> out = {0, 0, kUnsignedByteType,
                                     static_cast<std::uint8_t>(array.dims.size())};
    for (const std::int32_t size : array.dims) {
        const auto u = static_cast<std::uint32_t>(size);
        out.insert(out.end(), {static_cast<std::uint8_t>(u >> 24), static_cast<std::uint8_t>(u >> 16),
                               static_cast<std::uint8_t>(u >> 8), static_cast<std::uint8_t>(u)});
    }
    out.insert(out.end(), array.values.begin(), array.values.end());
    return out;
}

}  // namespace learn2add::data
