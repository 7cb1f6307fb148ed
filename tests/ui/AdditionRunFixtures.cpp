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

}  // namespace learn2add::testing
