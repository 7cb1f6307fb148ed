#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>

#include "cli/CliRunner.h"
#include "core/data/IdxFixtures.h"
#include "models/Autoencoder.h"
#include "track/RunFolder.h"
#include "train/Checkpoint.h"

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

    // The code manifold of the code-2 model: its own plane (no slice); a plain encoder has no prior.
    const auto manifoldPng = folder.path() / "manifold.png";
    const auto manifold = runCli("manifold --steps 6 --run " + run.string() + " --out " + manifoldPng.string());
    ASSERT_EQ(manifold.exitCode, 0) << manifold.output;
    EXPECT_NE(manifold.output.find("6 x 6 decoded codes of upsample autoencoder, code 2"), std::string::npos)
        << manifold.output;
    EXPECT_NE(manifold.output.find("plane: the 2-d codes themselves"), std::string::npos) << manifold.output;
    EXPECT_EQ(manifold.output.find("slice"), std::string::npos) << manifold.output;
    EXPECT_GT(std::filesystem::file_size(manifoldPng), 5000u);
    const auto prior = runCli("manifold --range prior --run " + run.string() + " --out " +
                              (folder.path() / "prior.png").string());
    EXPECT_EQ(prior.exitCode, 2) << prior.output;
    EXPECT_NE(prior.output.find("--range prior needs a variational encoder"), std::string::npos) << prior.output;
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "prior.png"));
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
    EXPECT_EQ(decoder.exitCode, 2);
    EXPECT_NE(decoder.output.find("mirror"), std::string::npos) << decoder.output;

    const auto seed = runCli("train autoencoder --seed -1 --out " + (folder.path() / "s").string());
    EXPECT_EQ(seed.exitCode, 2);  // not wrapped to 18446744073709551615
    EXPECT_NE(seed.output.find("--seed: must be a whole number 0, 1, 2, ..., got '-1'"),
              std::string::npos)
        << seed.output;
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "s"));

    // A batch that would take more memory than the machine has (resize64: about 5 MB per image).
    const auto batch = runCli("train judge --batch 1025 --out " + (folder.path() / "b").string());
    EXPECT_EQ(batch.exitCode, 2);
    EXPECT_NE(batch.output.find("batch size must be between 1 and 1024"), std::string::npos) << batch.output;
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "b"));

    const auto out = runCli("train autoencoder --epochs 1 --max-batches 1 --out /proc/learn2add-run");
    EXPECT_EQ(out.exitCode, 2);
    EXPECT_NE(out.output.find("/proc/learn2add-run"), std::string::npos) << out.output;
}

// Runs the CLI with `arguments` (where DISK stands for the mount point) on a nearly full disk: a
// 64 KiB tmpfs mounted over `mountPoint` with `filler` bytes taken, in a private mount namespace
// (`unshare -rm`, no root needed where user namespaces are allowed). After the command, the disk's
// files are listed. Returns nothing when this machine cannot make such a disk.
std::optional<testing::CliResult> runOnAFullDisk(const std::filesystem::path& mountPoint,
                                                 std::string arguments, int filler) {
    std::filesystem::create_directories(mountPoint);
    const std::string disk = mountPoint.string();
    for (std::size_t at = arguments.find("DISK"); at != std::string::npos;
         at = arguments.find("DISK"))
        arguments.replace(at, 4, disk);
    const std::string script = "mount -t tmpfs -o size=64k tmpfs " + disk + " || exit 99; " +
                               "head -c " + std::to_string(filler) + " /dev/zero > " + disk +
                               "/filler 2>/dev/null; " + std::string(LEARN2ADD_CLI_PATH) + " " +
                               arguments + "; echo \"exit=$?\"; " + "echo files:; ls -a -R " + disk;
    const auto result = testing::runCommand("unshare -rm sh -c '" + script + "'");
    if (result.exitCode != 0) return std::nullopt;
    return result;
}

TEST(CliTrain, AFullDiskIsAnErrorThatNamesTheFileAndLeavesNoTemporaryFile) {
    data::testing::TempFolder folder;
    // Room for the run's small files but not for its checkpoint: a message and exit 2, not an abort
    // (134) and not a success.
    const auto train = runOnAFullDisk(
        folder.path() / "disk",
        "train autoencoder --epochs 1 --max-batches 1 --batch 16 --out DISK/run", 40000);
    if (!train) GTEST_SKIP() << "this machine cannot mount a tiny tmpfs in a private namespace";
    EXPECT_NE(train->output.find("exit=2"), std::string::npos) << train->output;
    EXPECT_NE(train->output.find("No space left on device"), std::string::npos) << train->output;
    EXPECT_EQ(train->output.find("terminate called"), std::string::npos) << train->output;
    EXPECT_EQ(train->output.find(".tmp-"), std::string::npos) << train->output;

    // A figure on a full disk: the same, instead of "Wrote" and a truncated PNG.
    const auto run = folder.path() / "ae";
    ASSERT_EQ(
        runCli("train autoencoder --epochs 1 --max-batches 1 --batch 16 --out " + run.string())
            .exitCode,
        0);
    const auto figure = runOnAFullDisk(
        folder.path() / "disk",
        "reconstruct --run " + run.string() + " --out DISK/reconstructions.png", 1000000);
    ASSERT_TRUE(figure.has_value());
    EXPECT_NE(figure->output.find("exit=2"), std::string::npos) << figure->output;
    EXPECT_NE(figure->output.find("reconstructions.png"), std::string::npos) << figure->output;
    EXPECT_NE(figure->output.find("No space left on device"), std::string::npos) << figure->output;
    EXPECT_EQ(figure->output.find("Wrote"), std::string::npos) << figure->output;
    EXPECT_EQ(figure->output.find(".tmp-"), std::string::npos) << figure->output;
    // The report's PNG, SVG, PDF, tables and copies go through the same writer.
    const auto report = runOnAFullDisk(folder.path() / "disk",
                                       "report --runs " + run.string() + " --out DISK/report", 1000000);
    ASSERT_TRUE(report.has_value());
    EXPECT_NE(report->output.find("exit=2"), std::string::npos) << report->output;
    EXPECT_NE(report->output.find("No space left on device"), std::string::npos) << report->output;
    EXPECT_EQ(report->output.find(".tmp-"), std::string::npos) << report->output;
    EXPECT_EQ(report->output.find("Wrote"), std::string::npos) << report->output;
}

TEST(CliTrain, SigtermStopsTheTrainingAtTheNextBatchAndExits143) {
    // What a scheduler or a logout sends: handled like Ctrl+C (the run stays valid), and the exit
    // status says a signal stopped it. The signal is sent once the first epoch has been printed.
    data::testing::TempFolder folder;
    const auto run = folder.path() / "ae";
    const auto log = folder.path() / "log.txt";
    const std::string script =
        std::string(LEARN2ADD_CLI_PATH) +
        " train autoencoder --epochs 1000 --max-batches 2 --batch 16 --out " + run.string() +
        " > " + log.string() + " 2>&1 & pid=$!; " +
        "for i in $(seq 600); do grep -q \"epoch   1/\" " + log.string() +
        " && break; sleep 0.1; done; " + "kill -TERM $pid; wait $pid; echo \"exit=$?\"; cat " +
        log.string();
    const auto result = testing::runCommand("sh -c '" + script + "'");
    EXPECT_NE(result.output.find("exit=143"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("Run cancelled"), std::string::npos) << result.output;
    EXPECT_TRUE(std::filesystem::exists(run / "best.pt"));
    EXPECT_TRUE(std::filesystem::exists(run / "metrics.csv"));
}

TEST(CliAddend, OnlyFiniteAddendsInRangeAndAtMost64AreAccepted) {
    // Refused while the command line is read, before any run is opened.
    data::testing::TempFolder folder;
    const std::string out = " --run " + (folder.path() / "no-run").string() + " --out " +
                            (folder.path() / "x.png").string();
    for (const char* bad : {"nan", "inf", "-inf", "''", "1e400", "21", "7x"}) {
        const auto result = runCli(std::string("add --addend ") + bad + out);
        EXPECT_EQ(result.exitCode, 2) << bad;
        EXPECT_NE(result.output.find("--addend"), std::string::npos)
            << bad << ": " << result.output;
        EXPECT_EQ(result.output.find("is not a run"), std::string::npos)
            << bad << ": " << result.output;
    }
    std::string many = "0";
    for (int k = 1; k < 65; ++k) many += ",0.1";
    const auto tooMany = runCli("add --addend " + many + out);
    EXPECT_EQ(tooMany.exitCode, 2);
    EXPECT_NE(tooMany.output.find("--addend"), std::string::npos) << tooMany.output;
    // A good addend gets past the command line: the missing run is what is refused.
    const auto good = runCli("add --addend 1.5" + out);
    EXPECT_EQ(good.exitCode, 2);
    EXPECT_NE(good.output.find("no-run"), std::string::npos) << good.output;
}

TEST(CliTrain, AConfigThatClaimsAHugeCodeIsRefusedByTheCheckpointBeforeAnyModelIsBuilt) {
    // A code of 1,000,000 would build a 2.4 GB model; best.pt's tag refuses it first.
    data::testing::TempFolder folder;
    const auto run = folder.path() / "ae";
    ASSERT_EQ(runCli("train autoencoder --code 2 --epochs 1 --max-batches 1 --batch 16 --out " +
                     run.string())
                  .exitCode,
              0);
    std::string config;
    {
        std::ifstream in(run / "config.json");
        config.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const std::regex codeSize(R"("code_size": *2)");
    ASSERT_TRUE(std::regex_search(config, codeSize)) << config;
    std::ofstream(run / "config.json", std::ios::trunc)
        << std::regex_replace(config, codeSize, R"("code_size": 1000000)");
    const auto result = runCli("reconstruct --run " + run.string() + " --out " +
                               (folder.path() / "r.png").string());
    EXPECT_EQ(result.exitCode, 2) << result.output;
    EXPECT_NE(result.output.find("code 1000000"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("best.pt holds"), std::string::npos) << result.output;
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

namespace learn2add {
namespace {

models::Autoencoder lastWeights(const std::filesystem::path& run) {
    auto model = models::Autoencoder(
        models::AutoencoderOptions().decoder(models::DecoderKind::Mirror).codeSize(2));
    train::loadCheckpoint(run / "last.pt", *model, {"autoencoder", "mirror", 2, 0, 0.0});
    return model;
}

TEST(CliResume, AKilledTrainingResumedWithResumeEqualsOneTrainedStraightThrough) {
    data::testing::TempFolder folder;
    const std::string settings = " train autoencoder --decoder mirror --code 2 --epochs 3 "
                                 "--max-batches 4 --batch 16 --seed 9";
    const auto straight = folder.path() / "straight";
    ASSERT_EQ(runCli(settings + " --out " + straight.string()).exitCode, 0);

    // SIGKILL once the first epoch is printed (its checkpoints are written by then).
    const auto run = folder.path() / "killed";
    const auto log = folder.path() / "log.txt";
    const std::string script =
        std::string(LEARN2ADD_CLI_PATH) + settings + " --out " + run.string() + " > " +
        log.string() + " 2>&1 & pid=$!; for i in $(seq 600); do grep -q \"epoch   1/\" " +
        log.string() + " && break; sleep 0.05; done; kill -KILL $pid; wait $pid; echo \"exit=$?\"";
    const auto killed = testing::runCommand("sh -c '" + script + "'");
    ASSERT_NE(killed.output.find("exit=137"), std::string::npos) << killed.output;

    // Only --resume: the settings come from the run's config.json.
    const auto resumed = runCli("train autoencoder --resume " + run.string());
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    EXPECT_NE(resumed.output.find("(resumed)"), std::string::npos) << resumed.output;
    EXPECT_EQ(resumed.output.find("epoch   1/3"), std::string::npos) << resumed.output;
    EXPECT_NE(resumed.output.find("epoch   3/3"), std::string::npos) << resumed.output;

    auto a = lastWeights(straight);
    auto b = lastWeights(run);
    for (const auto& parameter : a->named_parameters()) {
        EXPECT_TRUE(torch::equal(parameter.value(), b->named_parameters()[parameter.key()]))
            << parameter.key();
    }
    std::vector<double> epochs;
    for (const auto& row : track::RunFolder::open(run).readMetrics()) epochs.push_back(row.at("epoch"));
    EXPECT_EQ(epochs, (std::vector<double>{1, 2, 3}));
}

TEST(CliResume, AFolderThatHoldsARunIsRefusedAndConflictingSettingsAreNamed) {
    data::testing::TempFolder folder;
    const auto run = folder.path() / "run";
    const std::string settings = " train autoencoder --decoder mirror --code 2 --epochs 1 --max-batches 2 --batch 16";
    ASSERT_EQ(runCli(settings + " --out " + run.string()).exitCode, 0);

    const auto again = runCli(settings + " --out " + run.string());
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_NE(again.output.find("already holds a run"), std::string::npos) << again.output;

    const auto conflict = runCli("train autoencoder --decoder upsample --resume " + run.string());
    EXPECT_EQ(conflict.exitCode, 2);
    EXPECT_NE(conflict.output.find("cannot resume with decoder \"upsample\""), std::string::npos)
        << conflict.output;

    const auto both = runCli(settings + " --out " + run.string() + " --resume " + run.string());
    EXPECT_NE(both.exitCode, 0);
    EXPECT_NE(both.output.find("excludes"), std::string::npos) << both.output;

    const auto replaced = runCli("train autoencoder --decoder mirror --code 2 --epochs 2 "
                                 "--max-batches 2 --batch 16 --force --out " + run.string());
    EXPECT_EQ(replaced.exitCode, 0) << replaced.output;
    EXPECT_EQ(track::RunFolder::open(run).readMetrics().size(), 2u);

    const auto exported = runCli("export --run " + run.string() + " --out " + run.string());
    EXPECT_EQ(exported.exitCode, 2);
    EXPECT_NE(exported.output.find("already holds a run"), std::string::npos) << exported.output;
}

TEST(CliResume, ARunKeepsItsPrecisionAndOneFromBeforePrecisionsResumesInFp32) {
    data::testing::TempFolder folder;
    const auto run = folder.path() / "run";
    const std::string settings = " train autoencoder --decoder mirror --code 2 --max-batches 2 --batch 16";
    ASSERT_EQ(runCli(settings + " --epochs 1 --precision bf16 --out " + run.string()).exitCode, 0);
    EXPECT_EQ(track::RunFolder::open(run).readConfig().at("precision"), "bf16");
    // Resumed without --precision: the run's own, whatever "auto" means on this CPU.
    const auto resumed = runCli("train autoencoder --epochs 2 --resume " + run.string());
    EXPECT_EQ(resumed.exitCode, 0) << resumed.output;
    EXPECT_NE(resumed.output.find("threads, bf16"), std::string::npos) << resumed.output;
    const auto other = runCli("train autoencoder --epochs 3 --precision fp32 --resume " + run.string());
    EXPECT_EQ(other.exitCode, 2);
    EXPECT_NE(other.output.find("cannot resume with precision \"fp32\""), std::string::npos)
        << other.output;

    // A run written before precisions were recorded was trained in fp32 and resumes so.
    const auto older = folder.path() / "older";
    ASSERT_EQ(runCli(settings + " --epochs 1 --precision fp32 --out " + older.string()).exitCode, 0);
    auto config = track::RunFolder::open(older).readConfig();
    config.erase("precision");
    std::ofstream(older / "config.json") << config.dump(2);
    const auto resumedOlder = runCli("train autoencoder --epochs 2 --resume " + older.string());
    EXPECT_EQ(resumedOlder.exitCode, 0) << resumedOlder.output;
    EXPECT_NE(resumedOlder.output.find("threads, fp32"), std::string::npos) << resumedOlder.output;
}

}  // namespace
}  // namespace learn2add
