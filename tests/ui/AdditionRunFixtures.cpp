// Compiled with QT_NO_KEYWORDS (see tests.cmake): LibTorch's headers name a method `slots`.
#include "ui/AdditionRunFixtures.h"

#include <QDir>
#include <QTemporaryDir>
#include <stdexcept>

#include "train/AdditionTrainer.h"
#include "train/JudgeTrainer.h"
#include "ui/UiTestSupport.h"

namespace learn2add::testing {

const TinyAdditionRuns& tinyAdditionRuns() {
    static QTemporaryDir folder;
    static const TinyAdditionRuns runs = [] {
        if (!folder.isValid()) throw std::runtime_error("cannot make a temporary folder");
        const QDir root(folder.path());
        TinyAdditionRuns made{root.filePath("judge"), root.filePath("addition"),
                              root.filePath("not-a-run")};
        root.mkpath("not-a-run");
        train::TrainingControl control;
        train::JudgeTrainer judge(
            train::JudgeTrainingOptions().epochs(1).maxBatchesPerEpoch(3).batchSize(64).threads(2),
            smallMnist(), made.judge.toStdString());
        judge.run({}, control);
        train::AdditionTrainer addition(train::AdditionTrainingOptions()
                                            .epochs(1)
                                            .maxBatchesPerEpoch(3)
                                            .batchSize(64)
                                            .threads(2)
                                            .judgeRun(made.judge.toStdString()),
                                        smallMnist(), made.addition.toStdString());
        addition.run({}, control);
        return made;
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
    static QTemporaryDir folder;
    static const TinyComparisonRuns runs = [] {
        if (!folder.isValid()) throw std::runtime_error("cannot make a temporary folder");
        const QDir root(folder.path());
        TinyComparisonRuns made{root.filePath("judge"), root.filePath("addition"),
                                root.filePath("vae-addition"), root.filePath("vae-genp-addition"),
                                root.filePath("not-a-run")};
        root.mkpath("not-a-run");
        const auto loaded = tinyComparisonData();
        const std::shared_ptr<const data::MnistData> mnist(loaded, &loaded->mnist);
        train::TrainingControl control;
        train::JudgeTrainer judge(
            train::JudgeTrainingOptions().epochs(1).maxBatchesPerEpoch(2).batchSize(32).threads(1),
            mnist, made.judge.toStdString());
        judge.run({}, control);
        const auto train = [&](models::AdditionVariant variant, const QString& out) {
            train::AdditionTrainer trainer(train::AdditionTrainingOptions()
                                               .variant(variant)
                                               .epochs(1)
                                               .maxBatchesPerEpoch(2)
                                               .batchSize(32)
                                               .threads(1)
                                               .autoencoderWarmupEpochs(0)
                                               .adderWarmupPasses(0),
                                           mnist, out.toStdString());
            trainer.run({}, control);
        };
        train(models::AdditionVariant::Autoencoder, made.addition);
        train(models::AdditionVariant::Variational, made.variational);
        train(models::AdditionVariant::VariationalGenerativeAdder, made.generative);
        return made;
    }();
    return runs;
}

}  // namespace learn2add::testing
