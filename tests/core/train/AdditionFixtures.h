#pragma once
// A small judge run for Part III tests, trained for 2 epochs on train::testing::smallData() (a few
// seconds; it reads most digits right), trained once per ctest invocation (common/SharedRuns.h).

#include <filesystem>

namespace learn2add::train::testing {

struct TinyRuns {
    std::filesystem::path judge;  // a judge run folder
};

const TinyRuns& tinyRuns();

}  // namespace learn2add::train::testing
