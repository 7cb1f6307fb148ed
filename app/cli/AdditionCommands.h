#pragma once
// The Part III and IV inference commands on addition runs (addition, vae-addition,
// vae-genp-addition):
//   learn2add-cli grid --run RUN [--judge JUDGE] --out grid.png
//   learn2add-cli add  --run RUN --digit 7 --addend 1,2,1.5,1.4,1.6 [--index K | --image F.png]
//                      [--samples K [--seed S]] [--judge JUDGE] --out out.png
//   learn2add-cli eval --run RUN --judge JUDGE
//   learn2add-cli compare --runs A B C --digit 7 --addends 1,2,1.5,1.4,1.6 [--samples K]
//                      [--judge JUDGE] --out compare.png

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace learn2add::cli {

struct AdditionCommandOptions {
    std::string run;
    std::optional<std::string> judge;
    std::string out;
    bool plain = false;              // grid: no judge marks
    int digit = 7;                   // add
    std::vector<double> addends{1.5};
    int index = 0;                   // add: which test image of the digit
    std::optional<std::string> image;
    int samples = 0;                 // add, compare: K samples per addend (0: the mean only)
    std::uint64_t seed = 1;          // add, compare: seed of the samples
    std::vector<std::string> runs;   // compare
};

struct AdditionCommands {
    CLI::App* grid = nullptr;
    CLI::App* add = nullptr;
    CLI::App* eval = nullptr;
    CLI::App* compare = nullptr;
};

AdditionCommands addAdditionCommands(CLI::App& app, AdditionCommandOptions& options);
int runGridCommand(const AdditionCommandOptions& options);
int runAddCommand(const AdditionCommandOptions& options);
int runEvalCommand(const AdditionCommandOptions& options);
int runCompareCommand(const AdditionCommandOptions& options);

}  // namespace learn2add::cli
