#include "track/RunFolder.h"

#include <gtest/gtest.h>

#include <fstream>

#include "common/AtomicFile.h"
#include "core/data/IdxFixtures.h"
#include "track/TrackError.h"

namespace learn2add::track {
namespace {

TEST(RunFolder, ConfigAndMetricsRoundTrip) {
    data::testing::TempFolder folder;
    RunFolder run = RunFolder::create(folder.path() / "run");
    run.writeConfig({{"kind", "autoencoder"}, {"code_size", 7}});
    run.appendMetrics({{"epoch", 1}, {"validation_rmse", 0.25}});
    run.appendMetrics({{"epoch", 2}, {"validation_rmse", 0.125}});

    const RunFolder reopened = RunFolder::open(folder.path() / "run");
    EXPECT_EQ(reopened.readConfig()["code_size"], 7);
    const auto rows = reopened.readMetrics();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_DOUBLE_EQ(rows[1].at("validation_rmse"), 0.125);
    std::ifstream csv(run.metricsPath());
    std::string header;
    std::getline(csv, header);
    EXPECT_EQ(header, "epoch,validation_rmse");
}

TEST(RunFolder, RefusesWhatIsNotARunFolder) {
    data::testing::TempFolder folder;
    EXPECT_THROW(RunFolder::open(folder.path()), TrackError);
    EXPECT_THROW(RunFolder::create("/proc/learn2add-cannot-be-here"), TrackError);
}

TEST(AtomicFile, AFailedWriteLeavesTheOldContent) {
    data::testing::TempFolder folder;
    const auto target = folder.path() / "config.json";
    writeTextAtomically(target, "old");
    EXPECT_THROW(writeFileAtomically(target, [](const std::filesystem::path& temporary) {
                     std::ofstream(temporary) << "half";
                     throw std::runtime_error("No space left on device");
                 }),
                 FileWriteError);
    std::ifstream in(target);
    std::string content;
    in >> content;
    EXPECT_EQ(content, "old");
    // No temporary file is left behind.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder.path())) ++files;
    EXPECT_EQ(files, 1u);
}

}  // namespace
}  // namespace learn2add::track
