#include "data/Gzip.h"

#include <zlib.h>

#include <algorithm>

#include "data/DataError.h"

namespace learn2add::data {

bool isGzip(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

namespace {

// Inflates until the stream ends or `limit` bytes are out; `limitReached` says which.
std::vector<std::uint8_t> inflateUpTo(std::span<const std::uint8_t> bytes,
                                      const std::string& sourceName, std::size_t limit,
                                      bool& limitReached) {
    limitReached = false;
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) {  // 15: max window, +16: expect a gzip header
        throw DataError(sourceName + ": could not start gzip decompression");
    }
    std::vector<std::uint8_t> out;
    out.reserve(std::min(limit, bytes.size() * 4));
    std::uint8_t chunk[1 << 16];
    stream.next_in = const_cast<Bytef*>(bytes.data());
    stream.avail_in = static_cast<uInt>(bytes.size());
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = chunk;
        stream.avail_out = sizeof(chunk);
        status = inflate(&stream, Z_NO_FLUSH);
        const std::size_t produced = sizeof(chunk) - stream.avail_out;
        if (out.size() + produced > limit) {
            out.insert(out.end(), chunk, chunk + (limit - out.size()));
            limitReached = true;
            inflateEnd(&stream);
            return out;
        }
        out.insert(out.end(), chunk, chunk + produced);
        if (status == Z_BUF_ERROR && stream.avail_in == 0) break;  // input ended early
    }
    inflateEnd(&stream);
    if (status == Z_STREAM_END) return out;
    if (status == Z_BUF_ERROR || status == Z_OK) {
        throw DataError(sourceName + ": the gzip stream is truncated (the file ends before the "
                                     "compressed data does); download or copy it again");
    }
    throw DataError(sourceName + ": the gzip stream is corrupt (" +
                    (stream.msg ? std::string(stream.msg) : "zlib error " + std::to_string(status)) +
                    ")");
}

}  // namespace

std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> bytes, const std::string& sourceName,
                                 std::size_t limit) {
    bool limitReached = false;
    std::vector<std::uint8_t> out = inflateUpTo(bytes, sourceName, limit, limitReached);
    if (limitReached) {
        throw DataError(sourceName + ": the gzip stream inflates to more than the " +
                        std::to_string(limit) + " bytes its content announces; refused");
    }
    return out;
}

std::vector<std::uint8_t> gunzipAtMost(std::span<const std::uint8_t> bytes,
                                       const std::string& sourceName, std::size_t count) {
    bool limitReached = false;
    return inflateUpTo(bytes, sourceName, count, limitReached);
}

std::vector<std::uint8_t> gzip(std::span<const std::uint8_t> bytes) {
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::vector<std::uint8_t> out(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 32);
    stream.next_in = const_cast<Bytef*>(bytes.data());
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

}  // namespace learn2add::data
