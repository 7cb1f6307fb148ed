#pragma once
// A tiny autoencoder run for the Qt tests, trained once per ctest invocation (common/SharedRuns.h)
// the way `learn2add-cli train autoencoder` writes it: code 2, 2 epochs of 2 batches of 16 on the
// small data, one thread. Compiled with QT_NO_KEYWORDS (it includes LibTorch's model headers).

#include <filesystem>

namespace learn2add::testing {

const std::filesystem::path& tinyAutoencoderRun();

}  // namespace learn2add::testing
