#include "core/models/ModelTestSupport.h"

#include "common/SeededShuffle.h"

namespace learn2add::models::testing {

torch::Tensor syntheticDigits(std::int64_t count, std::int64_t size, std::uint64_t seed) {
    SeededShuffle random(seed);
    torch::Tensor images = torch::zeros({count, 1, size, size});
    const std::int64_t k = size / 32;  // shapes are laid out on a 32x32 grid, then scaled
    auto fill = [&](std::int64_t n, std::int64_t top, std::int64_t left, std::int64_t height,
                    std::int64_t width) {
        using torch::indexing::Slice;
        images.index_put_(
            {n, 0, Slice(top * k, (top + height) * k), Slice(left * k, (left + width) * k)}, 1.0);
    };
    for (std::int64_t n = 0; n < count; ++n) {
        const auto dy = static_cast<std::int64_t>(random.below(7)) - 3;
        const auto dx = static_cast<std::int64_t>(random.below(7)) - 3;
        switch (n % 4) {
            case 0:  // "0": a rectangle outline
                fill(n, 8 + dy, 10 + dx, 16, 3);
                fill(n, 8 + dy, 19 + dx, 16, 3);
                fill(n, 8 + dy, 10 + dx, 3, 12);
                fill(n, 21 + dy, 10 + dx, 3, 12);
                break;
            case 1:  // "1": a vertical stroke
                fill(n, 7 + dy, 15 + dx, 18, 3);
                break;
            case 2:  // "7": a bar and a stem
                fill(n, 8 + dy, 10 + dx, 3, 12);
                fill(n, 8 + dy, 19 + dx, 16, 3);
                break;
            default:  // "+": a cross
                fill(n, 8 + dy, 15 + dx, 16, 3);
                fill(n, 14 + dy, 9 + dx, 3, 15);
                break;
        }
    }
    return images;
}

void expectTorchError(const std::function<void()>& action, const std::string& fragment) {
    try {
        action();
        ADD_FAILURE() << "expected a c10::Error containing: " << fragment;
    } catch (const c10::Error& error) {
        const std::string message = error.what_without_backtrace();
        EXPECT_NE(message.find(fragment), std::string::npos)
            << "message: " << message << "\nexpected to contain: " << fragment;
    }
}

}  // namespace learn2add::models::testing
