#pragma once
// A tiny judge run for Part III tests, trained for a few batches on train::testing::smallData(),
// written once per process into a temporary folder.

#include <filesystem>

namespace learn2add::train::testing {

struct TinyRuns {
    std::filesystem::path judge;  // a judge run folder
};

const TinyRuns& tinyRuns();

}  // namespace learn2add::train::testing
