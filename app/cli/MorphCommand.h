#pragma once
// `learn2add-cli morph --run RUN --from 3 --to 5 [--from-index 0] [--to-index 0] [--steps 9]
// [--path linear|spherical] [--judge JUDGE] --out morph.png`: one test image morphed into another
// through the code space (infer/CodeMorph.h), with the judge's reading of each step; for an
// addition run also the sums 3 + u for the same progress (u = t (5 - 3)) and how far the two rows
// lie apart.

#include <CLI/CLI.hpp>

#include <string>

namespace learn2add::cli {

struct MorphCommandOptions {
    std::string run;
    std::string judge;
    std::string out;
    int from = 3, to = 5;
    int fromIndex = 0, toIndex = 0;
    int steps = 9;
    std::string path = "linear";
};

CLI::App* addMorphCommand(CLI::App& app, MorphCommandOptions& options);
int runMorphCommand(const MorphCommandOptions& options);

}  // namespace learn2add::cli
