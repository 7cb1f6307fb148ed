#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "cli/CliRunner.h"

namespace learn2add {
namespace {

using testing::runCli;

TEST(CliData, SummarisesTheEmbeddedData) {
    const auto result = runCli("data --seed 42");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    const std::string& out = result.output;
    EXPECT_NE(out.find("embedded MNIST subset (10000 digits)"), std::string::npos) << out;
    // Per split: 80/10/10 of 10,000 digits (per-class rounding moves a digit or two).
    EXPECT_TRUE(std::regex_search(out, std::regex(R"(\ntrain\s+800[0-9]\s)"))) << out;
    EXPECT_TRUE(std::regex_search(out, std::regex(R"(\nvalidation\s+99[0-9]\s)"))) << out;
    EXPECT_TRUE(std::regex_search(out, std::regex(R"(\ntest\s+99[0-9]\s)"))) << out;
    EXPECT_NE(out.find("Addition pairs from train"), std::string::npos);
    EXPECT_NE(out.find("Addition pairs from validation"), std::string::npos);
    EXPECT_NE(out.find("per addend"), std::string::npos);
    EXPECT_NE(out.find("Balanced? No"), std::string::npos);
    EXPECT_TRUE(std::regex_search(out, std::regex(R"(Loaded and split in [0-9.]+ ms)"))) << out;
}

TEST(CliData, ExportsSamplePngs) {
    const auto folder = std::filesystem::temp_directory_path() / "learn2add-cli-samples-test";
    std::filesystem::remove_all(folder);
    const auto result = runCli("data --export-samples " + folder.string() + " --samples 5");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_TRUE(std::filesystem::exists(folder / "addition-pairs.png"));
    std::size_t pngs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        pngs += entry.path().extension() == ".png" ? 1 : 0;
        EXPECT_GT(std::filesystem::file_size(entry.path()), 100u);
    }
    EXPECT_EQ(pngs, 6u);
    std::filesystem::remove_all(folder);
}

TEST(CliData, BadFolderGetsAClearMessage) {
    const auto folder = std::filesystem::temp_directory_path() / "learn2add-cli-empty-folder";
    std::filesystem::create_directories(folder);
    const auto result = runCli("data --data " + folder.string());
    EXPECT_NE(result.exitCode, 0);
    EXPECT_NE(result.output.find("error: "), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("train-images-idx3-ubyte"), std::string::npos) << result.output;
    std::filesystem::remove_all(folder);
}

TEST(CliData, HelpAndVersion) {
    const auto help = runCli("--help");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.output.find("data"), std::string::npos);
    const auto version = runCli("--version");
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_NE(version.output.find("learn2add-cli 0."), std::string::npos) << version.output;
}

TEST(CliData, UnknownCommandFails) {
    EXPECT_EQ(runCli("frobnicate").exitCode, 2);
}

}  // namespace
}  // namespace learn2add
