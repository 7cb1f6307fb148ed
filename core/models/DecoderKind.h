#pragma once
// The three decoder variants of ASSIGNMENT.md Part II.2, and their names in configuration files
// and on the command line ("mirror", "upsample", "resize64").
//
//   DecoderKind kind = decoderKindFromString("upsample");   // throws c10::Error for unknown names
//   std::string name = toString(kind);                       // "upsample"
//
// Pure functions: safe from any thread.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace learn2add::models {

enum class DecoderKind {
    Mirror,    // MirrorDecoder: exact mirror of the Encoder, unpooling with its indices
    Upsample,  // UpsampleDecoder: nearest upsampling + convolutions, 32x32
    Resize64,  // Resize64Decoder: the same idea on images resized to 64x64
};

inline constexpr std::array<DecoderKind, 3> kAllDecoderKinds = {
    DecoderKind::Mirror, DecoderKind::Upsample, DecoderKind::Resize64};

// "mirror", "upsample" or "resize64".
std::string toString(DecoderKind kind);

// The inverse of toString(); exact, lower-case names only. Anything else throws c10::Error whose
// message quotes the name and lists the accepted ones.
DecoderKind decoderKindFromString(std::string_view name);

// The side of the images an autoencoder with this decoder reads and draws: 64 for Resize64,
// else 32.
std::int64_t imageSizeFor(DecoderKind kind);

}  // namespace learn2add::models
