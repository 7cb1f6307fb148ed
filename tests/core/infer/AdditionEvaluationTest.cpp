#include "infer/AdditionEvaluation.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/models/ModelTestSupport.h"

namespace learn2add::infer {
namespace {

class AdditionEvaluationTest : public models::testing::SeededModelTest {};

TEST_F(AdditionEvaluationTest, GridPlacesEachSumInItsCellAndLeavesTheRestBlack) {
    models::AdditionModel model(models::AdditionModelOptions().codeSize(7));
    models::DigitJudge judge;
    const torch::Tensor inputs = torch::rand({10, 1, 32, 32});
    const AdditionGrid grid = computeAdditionGrid(model, inputs, &judge);
    ASSERT_EQ(grid.canvas.size(), 320u * 320u);
    // Cell (digit 3, addend 4) is model->add(input 3, 4), at column 3, row 4.
    torch::NoGradGuard noGrad;
    model->eval();
    const torch::Tensor expected =
        (model->add(inputs[3].unsqueeze(0), torch::full({1, 1}, 4.0f)) * 255).round().reshape({32, 32});
    EXPECT_EQ(grid.canvas[(4 * 32 + 10) * 320 + 3 * 32 + 12],
              static_cast<std::uint8_t>(expected[10][12].item<float>()));
    // Below the diagonal (3 + 7 > 9) the canvas is black.
    for (int y = 0; y < 32; ++y) {
        for (int x = 0; x < 32; ++x) EXPECT_EQ(grid.canvas[(7 * 32 + y) * 320 + 3 * 32 + x], 0);
    }
    int cells = 0;
    for (int d = 0; d < 10; ++d) {
        for (int a = 0; a < 10; ++a) {
            if (!AdditionGrid::hasCell(d, a)) {
                EXPECT_EQ(grid.read[d][a], -1);
                continue;
            }
            ++cells;
            EXPECT_GE(grid.read[d][a], 0);
            EXPECT_GE(grid.confidence[d][a], 0.0f);
            EXPECT_LE(grid.confidence[d][a], 1.0f);
        }
    }
    EXPECT_EQ(cells, 55);
    // Without a judge nothing is read.
    EXPECT_EQ(computeAdditionGrid(model, inputs, nullptr).read[0][0], -1);
    EXPECT_THROW(computeAdditionGrid(model, torch::rand({9, 1, 32, 32}), nullptr), c10::Error);
}

TEST_F(AdditionEvaluationTest, AccuracyCountsEveryImageWithEveryValidAddend) {
    models::AdditionModel model(models::AdditionModelOptions().codeSize(2));
    models::DigitJudge judge;
    // Two images of 0, one of 5, one of 9.
    const torch::Tensor labels = torch::tensor({0, 0, 5, 9}, torch::kInt64);
    const AdditionAccuracy accuracy =
        measureAdditionAccuracy(model, judge, torch::rand({4, 1, 32, 32}), labels);
    EXPECT_EQ(accuracy.total, 2 * 10 + 5 + 1);
    EXPECT_EQ(accuracy.count[0][9], 2);
    EXPECT_EQ(accuracy.count[5][4], 1);
    EXPECT_EQ(accuracy.count[5][5], 0);
    EXPECT_EQ(accuracy.count[9][0], 1);
    EXPECT_GE(accuracy.overall, 0.0);
    EXPECT_LE(accuracy.overall, 1.0);
    EXPECT_TRUE(model->is_training());  // modes are restored
}

}  // namespace
}  // namespace learn2add::infer
