#include "models/DecoderKind.h"

#include <c10/util/Exception.h>

namespace learn2add::models {

std::string toString(DecoderKind kind) {
    switch (kind) {
        case DecoderKind::Mirror:
            return "mirror";
        case DecoderKind::Upsample:
            return "upsample";
        case DecoderKind::Resize64:
            return "resize64";
    }
    TORCH_CHECK(false, "toString: invalid DecoderKind value ", static_cast<int>(kind));
}

DecoderKind decoderKindFromString(std::string_view name) {
    for (DecoderKind kind : kAllDecoderKinds) {
        if (name == toString(kind)) return kind;
    }
    TORCH_CHECK(false, "unknown decoder \"", std::string(name),
                "\"; expected one of: mirror, upsample, resize64");
}

std::int64_t imageSizeFor(DecoderKind kind) {
    return kind == DecoderKind::Resize64 ? 64 : 32;
}

}  // namespace learn2add::models
