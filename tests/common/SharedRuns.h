#pragma once
// Run folders that every test of a suite shares, trained once per `ctest` invocation instead of
// once per test process (CTest runs each discovered test in a process of its own).
//
// Under CTest, LEARN2ADD_SHARED_RUNS names the suite's folder (tests/CMakeLists.txt sets it) and
// the suite's tests named `SharedRuns_<suite>.*` (FIXTURES_SETUP tests, written as
// TEST(LEARN2ADD_SHARED_RUNS_SUITE, What)) make every shared run afresh; the other tests require
// that fixture and find the runs made. Without the variable (the test executable started by hand)
// the runs go to a temporary folder of the process, made on first use.

#include <filesystem>
#include <functional>
#include <string>

namespace learn2add::testing {

// The folder `name` under the shared root. When it has not been made yet (no "<name>.done" marker
// beside it), any leftover of an interrupted attempt is removed, the folder is made empty and
// `make(folder)` fills it; the marker is written only when `make` returns. `make` reports failure
// by throwing.
std::filesystem::path sharedRunFolder(
    const std::string& name, const std::function<void(const std::filesystem::path& folder)>& make);

// Removes the shared folder `name` (a no-op without LEARN2ADD_SHARED_RUNS). Each suite's fixture
// test, `SharedRuns_<suite>.<what it makes>`, calls it before making the folder again, so every
// ctest invocation trains the shared runs with the code being tested.
void forgetSharedRunFolder(const std::string& name);

}  // namespace learn2add::testing
