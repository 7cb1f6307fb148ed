#pragma once
// The data of the figures made of digit panels (Parts III and IV): a strip of inputs and generated
// images with captions (III.7: 7 + 1, 7 + 2, 7 + 1.5, ...) and a table of such strips (IV: models
// side by side, samples of a generative model). Painted by the report's painters
// (ui/report/ReportCharts.h: paintPanelTable), for the report, the CLI and the window alike.
//
//   PanelRow row{"VAE + P", {{"7 + 1.5", imageBytes(output), 8}}};

#include <cstdint>
#include <string>
#include <vector>

#include "data/AdditionPairs.h"

namespace at {
class Tensor;  // torch::Tensor; declared only, so that Qt front ends may include this header
}

namespace learn2add::infer {

struct StripPanel {
    std::string caption;             // e.g. "7 + 1.5"
    std::vector<std::uint8_t> image;  // 32 x 32 grey bytes
    int read = -1;                   // the judge's digit, -1: none
};

// A row of panels with a label on its left (e.g. the model, or the addend of K samples).
struct PanelRow {
    std::string label;  // e.g. "VAE + P"
    std::vector<StripPanel> panels;
};

// A [1, 1, 32, 32] or [1, 32, 32] image in [0, 1] as 1024 bytes.
std::vector<std::uint8_t> imageBytes(const at::Tensor& image32);

// Part III.1's training pairs as panels, at 32x32 as the models see them: `count` pairs spread
// evenly over `pairs`, in bands of at most `perRow` pairs: an "input" row ("3 + 4") above an
// "expected" row ("= 7"), then the next band. The report's pairs figure and `learn2add-cli data
// --export-samples` show the same pairs this way.
struct PairExamples {
    std::vector<PanelRow> rows;
    std::vector<data::AdditionPair> pairs;  // the pairs shown, in order
};
PairExamples pairExamples(const data::DigitSet& set, const data::AdditionPairSet& pairs,
                          std::size_t count, std::size_t perRow = 10);

}  // namespace learn2add::infer
