#pragma once
// The Part III inference commands on an addition run:
//   learn2add-cli grid --run RUN [--judge JUDGE] --out grid.png
//   learn2add-cli add  --run RUN --digit 7 --addend 1,2,1.5,1.4,1.6 [--index K | --image F.png]
//                      [--judge JUDGE] --out out.png
//   learn2add-cli eval --run RUN --judge JUDGE

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
};

struct AdditionCommands {
    CLI::App* grid = nullptr;
    CLI::App* add = nullptr;
    CLI::App* eval = nullptr;
};

AdditionCommands addAdditionCommands(CLI::App& app, AdditionCommandOptions& options);
int runGridCommand(const AdditionCommandOptions& options);
int runAddCommand(const AdditionCommandOptions& options);
int runEvalCommand(const AdditionCommandOptions& options);

}  // namespace learn2add::cli
