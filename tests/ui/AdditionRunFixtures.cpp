// Compiled with QT_NO_KEYWORDS (see tests.cmake): LibTorch's headers name a method `slots`.
#include "ui/AdditionRunFixtures.h"

#include <QDir>
#include <QFile>
#include <filesystem>

#include <gtest/gtest.h>

#include "common/SharedRuns.h"
#include "train/AdditionTrainer.h"
#include "train/JudgeTrainer.h"
#include "ui/UiTestSupport.h"

namespace learn2add::testing {

const TinyAdditionRuns& tinyAdditionRuns() {
    static const TinyAdditionRuns runs = [] {
        const auto folder = sharedRunFolder("tiny-addition", [](const std::filesystem::path& made) {
            train::TrainingControl control;
            train::JudgeTrainer judge(
                train::JudgeTrainingOptions().epochs(1).maxBatchesPerEpoch(3).batchSize(64).threads(
                    2),
                smallMnist(), made / "judge");
            judge.run({}, control);
            train::AdditionTrainer addition(train::AdditionTrainingOptions()
                                                .epochs(1)
                                                .maxBatchesPerEpoch(3)
                                                .batchSize(64)
                                                .threads(2)
                                                .judgeRun(made / "judge"),
                                            smallMnist(), made / "addition");
            addition.run({}, control);
            std::filesystem::create_directories(made / "not-a-run");
        });
        const QDir root(QString::fromStdString(folder.string()));
        return TinyAdditionRuns{root.filePath("judge"), root.filePath("addition"),
                                root.filePath("not-a-run")};
    }();
    return runs;
}

std::shared_ptr<const ui::LoadedData> tinyComparisonData() {
    static const std::shared_ptr<const ui::LoadedData> shared = [] {
        const auto spread = [](const data::DigitSet& set, std::size_t n) {
            std::vector<std::size_t> indices(std::min(n, set.size()));
            for (std::size_t i = 0; i < indices.size(); ++i) {
                indices[i] = i * set.size() / indices.size();
            }
            return data::subset(set, indices);
        };
        const auto full = embeddedData();
        auto loaded = std::make_shared<ui::LoadedData>();
        loaded->mnist = full->mnist;
        loaded->mnist.train = spread(full->mnist.train, 200);
        loaded->mnist.validation = spread(full->mnist.validation, 50);
        loaded->mnist.test = spread(full->mnist.test, 120);
        loaded->mnist.source = "200 / 50 / 120 digits of the embedded subset";
        loaded->seed = 42;
        return std::shared_ptr<const ui::LoadedData>(std::move(loaded));
    }();
    return shared;
}

const TinyComparisonRuns& tinyComparisonRuns() {
    static const TinyComparisonRuns runs = [] {
        const auto folder = sharedRunFolder("tiny-comparison", [](const std::filesystem::path&
                                                                      made) {
            const auto loaded = tinyComparisonData();
            const std::shared_ptr<const data::MnistData> mnist(loaded, &loaded->mnist);
            train::TrainingControl control;
            train::JudgeTrainer judge(
                train::JudgeTrainingOptions().epochs(1).maxBatchesPerEpoch(2).batchSize(32).threads(
                    1),
                mnist, made / "judge");
            judge.run({}, control);
            const auto train = [&](models::AdditionVariant variant, const std::string& name) {
                train::AdditionTrainer trainer(train::AdditionTrainingOptions()
                                                   .variant(variant)
                                                   .epochs(1)
                                                   .maxBatchesPerEpoch(2)
                                                   .batchSize(32)
                                                   .threads(1)
                                                   .autoencoderWarmupEpochs(0)
                                                   .adderWarmupPasses(0),
                                               mnist, made / name);
                trainer.run({}, control);
            };
            train(models::AdditionVariant::Autoencoder, "addition");
            train(models::AdditionVariant::Variational, "vae-addition");
            train(models::AdditionVariant::VariationalGenerativeAdder, "vae-genp-addition");
            std::filesystem::create_directories(made / "not-a-run");
        });
        const QDir root(QString::fromStdString(folder.string()));
        return TinyComparisonRuns{root.filePath("judge"), root.filePath("addition"),
                                  root.filePath("vae-addition"), root.filePath("vae-genp-addition"),
                                  root.filePath("not-a-run")};
    }();
    return runs;
}

// The suites' CTest fixture: the shared runs are trained once per ctest invocation (the tiny
// addition runs' fixture is in AdditionPageTest.cpp, their only user).
TEST(LEARN2ADD_SHARED_RUNS_SUITE, TinyComparisonRuns) {
    forgetSharedRunFolder("tiny-comparison");
    const TinyComparisonRuns& runs = tinyComparisonRuns();
    for (const QString& run : {runs.judge, runs.addition, runs.variational, runs.generative}) {
        EXPECT_TRUE(QFile::exists(run + "/best.pt")) << run.toStdString();
    }
}

}  // namespace learn2add::testing
