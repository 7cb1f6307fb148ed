#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "cli/CliRunner.h"
#include "core/data/IdxFixtures.h"

namespace learn2add {
namespace {

using testing::runCli;

TEST(CliTrain, TrainsAnAutoencoderAndReconstructsFromItsRun) {
    data::testing::TempFolder folder;
    const auto run = folder.path() / "ae";
    const auto result = runCli("train autoencoder --decoder upsample --loss bce --code 2 --epochs 2 "
                               "--max-batches 3 --batch 32 --threads 2 --out " + run.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(epoch +2/2 +train loss [0-9.]+ +val loss)"))) << result.output;
    EXPECT_NE(result.output.find("Run finished"), std::string::npos) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(Best validation RMSE: 0\.[0-9]{4})"))) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(Images per second: +[1-9][0-9]*)"))) << result.output;
    for (const char* file : {"config.json", "metrics.csv", "best.pt", "last.pt"}) {
        EXPECT_TRUE(std::filesystem::exists(run / file)) << file;
    }

    const auto png = folder.path() / "reconstructions.png";
    const auto reconstruct = runCli("reconstruct --run " + run.string() + " --out " + png.string());
    ASSERT_EQ(reconstruct.exitCode, 0) << reconstruct.output;
    EXPECT_NE(reconstruct.output.find("upsample decoder, bce loss, code 2"), std::string::npos) << reconstruct.output;
    EXPECT_GT(std::filesystem::file_size(png), 1000u);
}

TEST(CliTrain, InvalidSettingsAreRefusedUpFront) {
    data::testing::TempFolder folder;
    const auto code = runCli("train autoencoder --code 0 --out " + (folder.path() / "x").string());
    EXPECT_EQ(code.exitCode, 2);
    EXPECT_NE(code.output.find("code size must be between 1 and 1024"), std::string::npos) << code.output;
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "x"));  // nothing written

    const auto lr = runCli("train autoencoder --lr nan --out " + (folder.path() / "y").string());
    EXPECT_NE(lr.exitCode, 0);
    EXPECT_NE(lr.output.find("learning rate"), std::string::npos) << lr.output;

    const auto decoder = runCli("train autoencoder --decoder conv --out " + (folder.path() / "z").string());
    EXPECT_NE(decoder.exitCode, 0);
    EXPECT_NE(decoder.output.find("mirror"), std::string::npos) << decoder.output;

    const auto out = runCli("train autoencoder --epochs 1 --max-batches 1 --out /proc/learn2add-run");
    EXPECT_EQ(out.exitCode, 2);
    EXPECT_NE(out.output.find("/proc/learn2add-run"), std::string::npos) << out.output;
}

TEST(CliTrain, ReconstructRefusesARunOfAnotherKind) {
    data::testing::TempFolder folder;
    std::ofstream(folder.path() / "config.json") << R"({"kind": "addition"})";
    const auto result = runCli("reconstruct --run " + folder.path().string() + " --out " +
                               (folder.path() / "r.png").string());
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.output.find("an autoencoder run (learn2add-cli train autoencoder) is expected"),
              std::string::npos)
        << result.output;
}

}  // namespace
}  // namespace learn2add
