#include "ui/AutoencoderRunFixtures.h"

#include <gtest/gtest.h>

#include "common/SharedRuns.h"
#include "train/AutoencoderTrainer.h"
#include "ui/UiTestSupport.h"

namespace learn2add::testing {

const std::filesystem::path& tinyAutoencoderRun() {
    static const std::filesystem::path run =
        sharedRunFolder("tiny-autoencoder",
                        [](const std::filesystem::path& made) {
                            train::AutoencoderTrainer trainer(train::AutoencoderTrainingOptions()
                                                                  .codeSize(2)
                                                                  .epochs(2)
                                                                  .maxBatchesPerEpoch(2)
                                                                  .batchSize(16)
                                                                  .threads(1),
                                                              smallMnist(),
                                                              made / "ae-upsample-code2");
                            train::TrainingControl control;
                            trainer.run({}, control);
                        }) /
        "ae-upsample-code2";
    return run;
}

// The suites' CTest fixture: the shared run is trained once per ctest invocation.
TEST(LEARN2ADD_SHARED_RUNS_SUITE, TinyAutoencoderRun) {
    forgetSharedRunFolder("tiny-autoencoder");
    EXPECT_TRUE(std::filesystem::exists(tinyAutoencoderRun() / "best.pt"));
}

}  // namespace learn2add::testing
