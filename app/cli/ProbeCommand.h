#pragma once
// `learn2add-cli probe --run RUN --judge JUDGE [--images N] [--out FILE.png]`: the algebra probes of an addition
// model on the test split (infer/AlgebraProbes.h): identity f(x, 0) ~ x, composition
// f(f(x, a), b) ~ f(x, a + b) and commutation f(f(x, a), b) ~ f(f(x, b), a), as judge agreement and
// L2, overall and per input digit and total addend; --out also writes the three per-cell grids as a
// figure (report/ProbeChart.h, the painter of the window's Probes tab).

#include <CLI/CLI.hpp>

#include <string>

namespace learn2add::cli {

struct ProbeCommandOptions {
    std::string run;
    std::string judge;
    int images = 20;  // test images per digit
    std::string out;  // the figure; empty: none
};

CLI::App* addProbeCommand(CLI::App& app, ProbeCommandOptions& options);
int runProbeCommand(const ProbeCommandOptions& options);

}  // namespace learn2add::cli
