#pragma once
// `learn2add-cli features --run RUN --digit 7 [--index 0] --addend 1.5 --out features.png`: what
// the convolution stages of an addition model see (infer/FeatureMaps.h): the encoder's stages of a
// test image and the decoder's stages of its sum, every channel a tile, the strongest first; prints
// per stage the strongest channels and how many never fire for this input.

#include <CLI/CLI.hpp>

#include <string>

namespace learn2add::cli {

struct FeaturesCommandOptions {
    std::string run;
    std::string out;
    int digit = 7;
    int index = 0;
    double addend = 1.0;
};

CLI::App* addFeaturesCommand(CLI::App& app, FeaturesCommandOptions& options);
int runFeaturesCommand(const FeaturesCommandOptions& options);

}  // namespace learn2add::cli
