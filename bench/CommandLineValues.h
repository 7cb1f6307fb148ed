#pragma once
// Reading the benchmarks' command-line values, with messages that say what was wrong.
//
//   options.steps = positiveInteger("--steps", argv[++i]);   // throws std::invalid_argument

#include <string>

namespace learn2add::bench {

// `text` as a whole number of at least 1; otherwise throws std::invalid_argument naming `flag`.
int positiveInteger(const std::string& flag, const std::string& text);

}  // namespace learn2add::bench
