#pragma once
// `learn2add-cli manifold --run RUN --out FILE.png [--steps 15] [--range codes|prior]`: the code
// manifold of an autoencoder or addition run (infer/CodeManifold.h): the decoder's tiles over a
// plane of codes beside the validation codes in it, painted by the report's painter
// (report/ManifoldChart.h). A code-7 model is shown on the PCA plane of its codes, and the figure
// and the output say that it is a slice.

#include <CLI/CLI.hpp>

#include <string>

namespace learn2add::cli {

struct ManifoldCommandOptions {
    std::string run;
    std::string out;
    int steps = 15;
    std::string range = "codes";  // or "prior" (variational encoders only)
};

CLI::App* addManifoldCommand(CLI::App& app, ManifoldCommandOptions& options);
int runManifoldCommand(const ManifoldCommandOptions& options);

}  // namespace learn2add::cli
