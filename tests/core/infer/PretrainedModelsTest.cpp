// The models the app ships (resources/pretrained/, made by packaging/train-pretrained.sh) open as
// runs of their kinds and reach the addition-accuracy bars on the embedded test split, read by
// the shipped judge (DESIGN.md: the shipped AE model >= 95% with the label-free default recipe;
// the issue on that recipe: every shipped addition model >= 95%). Measured at their making
// (packaging/train-pretrained.sh): AE + P 95.7%, VAE + P 97.3%, VAE + generative P 97.2%.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "common/TorchRuntime.h"
#include "data/DigitTensors.h"
#include "infer/AdditionEvaluation.h"
#include "infer/AlgebraProbes.h"
#include "infer/AdditionRun.h"

namespace learn2add::infer {
namespace {

const std::filesystem::path kPretrained = std::filesystem::path(LEARN2ADD_SOURCE_DIR) / "resources" / "pretrained";

struct Shipped {
    const char* folder;
    models::AdditionVariant variant;
    double bar;
};

TEST(PretrainedModels, EveryShippedModelOpensAndAddsAboveItsBar) {
    configureTorchThreads(2);  // as the app runs: 2 intra-op threads, the BLAS on one
    const JudgeRun judge = openJudgeRun(kPretrained / "judge");
    EXPECT_GE(judge.testAccuracy, 0.98);
    for (const Shipped& shipped : {Shipped{"addition", models::AdditionVariant::Autoencoder, 0.95},
                                   Shipped{"vae-addition", models::AdditionVariant::Variational, 0.95},
                                   Shipped{"vae-genp-addition",
                                           models::AdditionVariant::VariationalGenerativeAdder, 0.95}}) {
        AdditionRun run = openAdditionRun(kPretrained / shipped.folder);
        EXPECT_EQ(run.variant, shipped.variant) << shipped.folder;
        const data::MnistData data = loadRunData(run.config);
        const int size = static_cast<int>(run.model->imageSize());
        models::DigitJudge reader = judge.judge;
        const AdditionAccuracy accuracy =
            measureAdditionAccuracy(run.model, reader, data::imagesToTensor(data.test, size),
                                    data::labelsToTensor(data.test));
        EXPECT_GE(accuracy.overall, shipped.bar)
            << shipped.folder << ": margin " << accuracy.overall - shipped.bar;
    }
}

// The shipped AE + P keeps a digit when adding 0 and, more often than not, adds in steps: adding
// a then b reads as adding a + b. Measured on 20 test images per digit: identity 95.0%,
// composition 69.2%, commutation 48.3% (the labelled model shipped before read 93.0 / 92.9 /
// 87.9%: the digit probe taught E to read generated digits as well as drawn ones).
TEST(PretrainedModels, TheShippedAdditionModelComposesItsSteps) {
    configureTorchThreads(2);
    JudgeRun judge = openJudgeRun(kPretrained / "judge");
    AdditionRun run = openAdditionRun(kPretrained / "addition");
    const data::MnistData data = loadRunData(run.config);
    const AlgebraProbes probes = probeAlgebra(run.model, judge.judge, data.test, 20);
    EXPECT_GE(probes.identity.overall.agreement(), 0.9);
    EXPECT_GE(probes.composition.overall.agreement(), 0.6);
    EXPECT_GE(probes.commutation.overall.agreement(), 0.4);
}

}  // namespace
}  // namespace learn2add::infer
