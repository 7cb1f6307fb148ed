#pragma once
// How well an addition model adds, read by the judge: the digit-by-addend grid of ASSIGNMENT.md
// Part III.6 and the addition accuracy.
//
//   AdditionGrid grid = computeAdditionGrid(model, inputs, &judge);   // inputs: one image per digit
//   grid.read[7][2] == 9;                                              // the judge read 7 + 2 as 9
//   AdditionAccuracy acc = measureAdditionAccuracy(model, judge, images, labels);
//   acc.overall;                                                       // share read as d + a
//
// Both switch the models to eval mode and back, and run without gradients. Images are at the
// model's size; generated images are compared and drawn at 32x32.

#include <torch/types.h>

#include <array>
#include <cstdint>
#include <vector>

#include "data/AdditionPairs.h"
#include "data/HeldOutCells.h"
#include "models/AdditionModel.h"
#include "models/DigitJudge.h"

namespace learn2add::infer {

inline constexpr int kDigits = 10;

// The assignment's figure: column d = input digit, row a = addend 0..9-d; cells with d + a > 9 are
// black. `canvas` is (10 x cellSize)^2 grey bytes, row-major, with no margin between cells.
struct AdditionGrid {
    int cellSize = 32;
    std::vector<std::uint8_t> canvas;
    // [digit][addend]: the digit the judge read, -1 where there is no cell or no judge.
    std::array<std::array<int, kDigits>, kDigits> read{};
    // [digit][addend]: the judge's probability of the right digit d + a (0 where no cell).
    std::array<std::array<float, kDigits>, kDigits> confidence{};

    static bool hasCell(int digit, int addend) {
        return digit >= 0 && addend >= 0 && digit + addend < kDigits;
    }
    int cellCount() const { return 55; }
    int correctCells() const;  // cells the judge read as digit + addend
};

// `inputs` [10, 1, S, S]: the input image of each digit 0..9. `judge` may be null (no reads).
AdditionGrid computeAdditionGrid(models::AdditionModel& model, const torch::Tensor& inputs,
                                 models::DigitJudge* judge);

struct AdditionAccuracy {
    double overall = 0.0;  // share of (image, addend) pairs read as digit + addend
    std::int64_t total = 0;
    // [digit][addend]: share read right, and how many pairs; 0 where digit + addend > 9.
    std::array<std::array<double, kDigits>, kDigits> cell{};
    std::array<std::array<std::int64_t, kDigits>, kDigits> count{};
};

// The accuracy of the cells a run's training held out (data/HeldOutCells.h) apart from the others:
// does the model add right on sums (or addends) it never saw?
struct SeenAndHeldOut {
    double seen = 0.0, heldOut = 0.0;  // share read right
    std::int64_t seenCount = 0, heldOutCount = 0;
};
SeenAndHeldOut splitByHeldOut(const AdditionAccuracy& accuracy, const data::HeldOutCells& cells);

// Every image of digit d with every integer addend a, d + a <= 9. `images` [N, 1, S, S] at the
// model's size, `labels` [N] int64.
AdditionAccuracy measureAdditionAccuracy(models::AdditionModel& model, models::DigitJudge& judge,
                                         const torch::Tensor& images, const torch::Tensor& labels);

// The evaluation metric of Part III.5: mean L2 (per pixel) between the expected and the generated
// image over the addition pairs of a split. `images` [N, 1, S, S] at the model's size; the pairs'
// positions index into it. Eval mode, no gradients.
double measureGenerationL2(models::AdditionModel& model, const torch::Tensor& images,
                           const data::AdditionPairSet& pairs);

// Generated images as the judge and the figures see them: [N, 1, 32, 32].
torch::Tensor at32(const torch::Tensor& images);

// The digit the judge reads in each image [N, 1, S, S] (at32 first; eval mode, no gradients);
// -1 for every image without a judge.
std::vector<int> judgeReadings(models::DigitJudge* judge, const torch::Tensor& images);

}  // namespace learn2add::infer
