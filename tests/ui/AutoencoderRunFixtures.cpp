#include "ui/AutoencoderRunFixtures.h"

#include "core/data/IdxFixtures.h"
#include "train/AutoencoderTrainer.h"
#include "ui/UiTestSupport.h"

namespace learn2add::testing {

const std::filesystem::path& tinyAutoencoderRun() {
    static data::testing::TempFolder folder;
    static const std::filesystem::path run = [] {
        const std::filesystem::path path = folder.path() / "ae-upsample-code2";
        train::AutoencoderTrainer trainer(
            train::AutoencoderTrainingOptions().codeSize(2).epochs(2).maxBatchesPerEpoch(2).batchSize(16).threads(1),
            smallMnist(), path);
        train::TrainingControl control;
        trainer.run({}, control);
        return path;
    }();
    return run;
}

}  // namespace learn2add::testing
