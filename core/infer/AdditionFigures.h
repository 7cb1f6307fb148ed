#pragma once
// PNG figures of Parts III and IV, drawn with OpenCV: the digit-by-addend grid (III.6), a strip of
// inputs and generated images with captions (III.7: 7 + 1, 7 + 2, 7 + 1.5, ...) and a table of
// such strips (IV: models side by side, samples of a generative model).
//
//   writeGridFigure("grid.png", grid, "upsample, epoch 10", true);
//   writeStripFigure("sevens.png", {{"7 + 1.5", image, 8}, ...}, "fractional addends");
//
// Both throw data::DataError when the file cannot be written.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "infer/AdditionEvaluation.h"

namespace learn2add::infer {

// The grid as the assignment plots it: a 10x10 canvas of 32-pixel cells with no margin between
// them, x axis "predicted numbers" (column = input digit), y axis "added values" (row = addend),
// ticks 0..9 at the cell centres. With `marks`, each judged cell gets a 1-pixel frame (green: read
// as digit + addend, red: not) and the digit the judge read in its corner.
void writeGridFigure(const std::filesystem::path& path, const AdditionGrid& grid,
                     const std::string& title, bool marks);

struct StripPanel {
    std::string caption;             // e.g. "7 + 1.5"
    std::vector<std::uint8_t> image;  // 32 x 32 grey bytes
    int read = -1;                   // the judge's digit, -1: none
};

// Panels side by side, each enlarged 3x, caption above and "judge: 8" below.
void writeStripFigure(const std::filesystem::path& path, const std::vector<StripPanel>& panels,
                      const std::string& title);

// Rows of panels with a label on the left of each row (Part IV: one row per model in a comparison,
// or per addend with K samples, their mean and their standard deviation), each enlarged 2x.
struct PanelRow {
    std::string label;  // e.g. "VAE + P"
    std::vector<StripPanel> panels;
};
void writePanelTableFigure(const std::filesystem::path& path, const std::vector<PanelRow>& rows,
                           const std::string& title);

// A [1, 1, 32, 32] or [1, 32, 32] image in [0, 1] as 1024 bytes.
std::vector<std::uint8_t> imageBytes(const torch::Tensor& image32);

}  // namespace learn2add::infer
