#include "infer/AlgebraProbes.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/models/ModelTestSupport.h"
#include "data/MnistData.h"

namespace learn2add::infer {
namespace {

class AlgebraProbesTest : public models::testing::SeededModelTest {};

TEST_F(AlgebraProbesTest, ComparesEveryValidDigitAndAddendCellOnceAndLeavesTheModesAsTheyWere) {
    const data::MnistData mnist = data::loadEmbeddedMnist(42);
    models::AdditionModel model(models::AdditionModelOptions().codeSize(2));
    models::DigitJudge judge;
    model->train();
    judge->eval();
    const AlgebraProbes probes = probeAlgebra(model, judge, mnist.test, 3);
    EXPECT_EQ(probes.imagesPerDigit, 3);
    EXPECT_TRUE(model->is_training());
    EXPECT_FALSE(judge->is_training());
    for (int d = 0; d < 10; ++d) {
        EXPECT_EQ(probes.identity.cells[d][0].count, 3) << d;
        for (int s = 1; s <= 9; ++s) {
            // (a, b) with a, b >= 1 and a + b = s: s - 1 of them; a < b: (s - 1) / 2.
            const std::int64_t splits = d + s <= 9 ? s - 1 : 0;
            EXPECT_EQ(probes.composition.cells[d][s].count, 3 * splits) << d << " + " << s;
            EXPECT_EQ(probes.commutation.cells[d][s].count, 3 * (splits / 2)) << d << " + " << s;
        }
    }
    EXPECT_EQ(probes.composition.overall.count, 3 * 120);  // sum over d of (9 - d)(8 - d) / 2
    EXPECT_EQ(probes.commutation.overall.count, 3 * 50);
    for (const ProbeTable* table : {&probes.identity, &probes.composition, &probes.commutation}) {
        EXPECT_GE(table->overall.agreement(), 0.0);
        EXPECT_LE(table->overall.agreement(), 1.0);
        EXPECT_GT(table->overall.l2(), 0.0);  // an untrained model is no exact adder
    }
}

}  // namespace
}  // namespace learn2add::infer
