// `learn2add-cli assignment`: the whole plan of Parts II-IV on a small data folder, one batch per
// epoch: it prints the plan with estimates, trains every run, writes the report with the answers;
// started again it trains nothing, and with more epochs it extends every run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "cli/CliRunner.h"
#include "core/data/IdxFixtures.h"

namespace learn2add {
namespace {

using testing::runCli;
namespace fs = std::filesystem;

std::string readFile(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int count(const std::string& text, const std::string& part) {
    int n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

TEST(CliAssignment, TrainsThePlanWritesTheReportAndContinuesWhereItStopped) {
    data::testing::TempFolder temp;
    const fs::path data = temp.path() / "digits";
    fs::create_directories(data);
    data::testing::writeMnistFolder(data, data::testing::balancedLabels(30), data::testing::balancedLabels(10), false);
    const fs::path out = temp.path() / "assignment";
    const std::string command = "assignment --threads 2 --max-batches 1 --data " + data.string() + " --out " + out.string();

    const auto first = runCli(command + " --epochs 1");
    ASSERT_EQ(first.exitCode, 0) << first.output;
    EXPECT_NE(first.output.find("calibrating autoencoder/resize64"), std::string::npos) << first.output;
    EXPECT_NE(first.output.find("Estimated time left: "), std::string::npos) << first.output;
    EXPECT_EQ(count(first.output, ": to start, new run"), 17) << first.output;
    EXPECT_NE(first.output.find("[17/17] vae-genp-addition"), std::string::npos) << first.output;
    EXPECT_NE(first.output.find("17 of 17 runs done"), std::string::npos) << first.output;
    for (const char* run : {"ae-mirror-l2-code2", "ae-resize64-bce-code7", "judge", "addition-assignment", "vae-genp-addition"}) {
        EXPECT_TRUE(fs::exists(out / "runs" / run / "best.pt")) << run;
    }
    EXPECT_TRUE(fs::exists(out / "report" / "report.pdf"));
    const std::string tables = readFile(out / "report" / "tables.md");
    EXPECT_NE(tables.find("answered by the runs"), std::string::npos) << tables;
    EXPECT_NE(tables.find("II.4 Which decoder is best"), std::string::npos) << tables;
    EXPECT_EQ(tables.find("## Missing figures"), std::string::npos) << "the plan makes every figure\n" << tables;

    // Started again: everything is done, nothing is calibrated or trained.
    const auto again = runCli(command + " --epochs 1");
    ASSERT_EQ(again.exitCode, 0) << again.output;
    EXPECT_EQ(again.output.find("calibrating"), std::string::npos) << again.output;
    EXPECT_EQ(again.output.find(" epoch 1/1 "), std::string::npos) << again.output;
    EXPECT_NE(again.output.find("17 of 17 runs done"), std::string::npos) << again.output;

    // More epochs: every run continues from its last checkpoint (the plan only, here).
    const auto longer = runCli(command + " --epochs 2 --plan --no-estimate");
    ASSERT_EQ(longer.exitCode, 0) << longer.output;
    EXPECT_EQ(count(longer.output, "to extend (1 done)"), 17) << longer.output;
    EXPECT_FALSE(fs::exists(out / "runs" / "ae-mirror-l2-code2" / "metrics.csv") &&
                 readFile(out / "runs" / "ae-mirror-l2-code2" / "metrics.csv").find("\n2,") != std::string::npos)
        << "--plan trains nothing";
}

TEST(CliAssignment, ARunFolderHoldingSomethingElseIsLeftAloneAndNamed) {
    data::testing::TempFolder temp;
    const fs::path runs = temp.path() / "runs";
    fs::create_directories(runs / "judge");
    std::ofstream(runs / "judge" / "config.json") << "{\"kind\": \"autoencoder\"}";
    const auto plan = runCli("assignment --plan --no-estimate --out " + temp.path().string());
    ASSERT_EQ(plan.exitCode, 0) << plan.output;
    EXPECT_NE(plan.output.find("judge: " + (runs / "judge").string() + " holds something else than a judge run"),
              std::string::npos)
        << plan.output;
    EXPECT_EQ(readFile(runs / "judge" / "config.json"), "{\"kind\": \"autoencoder\"}");
}

}  // namespace
}  // namespace learn2add
