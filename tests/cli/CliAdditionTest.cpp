#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <utility>

#include "cli/CliRunner.h"
#include "common/SharedRuns.h"
#include "core/data/IdxFixtures.h"

namespace learn2add {
namespace {

using testing::runCli;
namespace fs = std::filesystem;

// One judge, one addition and one generative run trained by the CLI itself, shared by every test of
// the suite (common/SharedRuns.h), with what each training printed.
struct CliRuns {
    fs::path folder;
    std::string judgeOutput, additionOutput, generativeOutput;
    fs::path judge() const { return folder / "judge"; }
    fs::path addition() const { return folder / "addition"; }
    fs::path generative() const { return folder / "vae-genp"; }
};

std::string readFile(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A PNG's width and height, from its IHDR chunk; {0, 0} when the file is no PNG.
std::pair<unsigned, unsigned> pngSize(const fs::path& path) {
    const std::string bytes = readFile(path);
    if (bytes.size() < 24 || bytes.compare(1, 3, "PNG") != 0) return {0, 0};
    const auto big = [&](std::size_t at) {
        unsigned value = 0;
        for (std::size_t k = 0; k < 4; ++k) value = value << 8 | static_cast<unsigned char>(bytes[at + k]);
        return value;
    };
    return {big(16), big(20)};
}

const CliRuns& cliRuns() {
    static const CliRuns runs = [] {
        const fs::path folder = testing::sharedRunFolder("cli-addition", [](const fs::path& made) {
            const auto train = [&](const std::string& name, const std::string& arguments) {
                const auto result = runCli(arguments + " --out " + (made / name).string());
                std::ofstream(made / (name + ".output.txt")) << result.output;
                if (result.exitCode != 0) {
                    throw std::runtime_error("learn2add-cli " + arguments + " exited " +
                                             std::to_string(result.exitCode) + ":\n" +
                                             result.output);
                }
            };
            train("judge", "train judge --epochs 1 --max-batches 8 --batch 32");
            train("addition",
                  "train addition --epochs 2 --max-batches 4 --batch 32 --ae-warmup 1 --judge " +
                      (made / "judge").string());
            train("vae-genp",
                  "train vae-genp-addition --epochs 1 --max-batches 4 --batch 32 --ae-warmup 1 "
                  "--adder-warmup 2");
        });
        return CliRuns{folder, readFile(folder / "judge.output.txt"),
                       readFile(folder / "addition.output.txt"),
                       readFile(folder / "vae-genp.output.txt")};
    }();
    return runs;
}

// The suite's CTest fixture: trains the shared runs once per ctest invocation.
TEST(LEARN2ADD_SHARED_RUNS_SUITE, CliAdditionRuns) {
    testing::forgetSharedRunFolder("cli-addition");
    const CliRuns& runs = cliRuns();
    for (const fs::path& run : {runs.judge(), runs.addition(), runs.generative()}) {
        EXPECT_TRUE(fs::exists(run / "best.pt")) << run;
    }
    EXPECT_TRUE(std::regex_search(runs.judgeOutput, std::regex(R"(Test accuracy: +0\.[0-9]{4})")))
        << runs.judgeOutput;
}

// The shared runs, and a scratch folder of the test's own for what it writes.
class CliAddition : public ::testing::Test {
protected:
    void SetUp() override {
        const CliRuns& runs = cliRuns();
        additionOutput_ = runs.additionOutput;
        generativeOutput_ = runs.generativeOutput;
    }
    static fs::path judgePath() { return cliRuns().judge(); }
    static fs::path additionPath() { return cliRuns().addition(); }
    static fs::path generativePath() { return cliRuns().generative(); }

    data::testing::TempFolder scratch_;
    std::string additionOutput_;
    std::string generativeOutput_;
};

TEST_F(CliAddition, TrainingPrintsEveryTermTheAccuracyAndASummary) {
    EXPECT_TRUE(std::regex_search(
        additionOutput_,
        std::regex(R"(epoch +2/2 +train [0-9.]+ \(rec [0-9.]+ gen [0-9.]+ code [0-9.e+-]+ digit [0-9.]+ kl 0\.00\) +val gen)")))
        << additionOutput_;
    EXPECT_TRUE(std::regex_search(additionOutput_, std::regex(R"(accuracy +[0-9.]+% +grid +[0-9]+/55)")))
        << additionOutput_;
    EXPECT_NE(additionOutput_.find("Best validation L2 (generated):"), std::string::npos);
    EXPECT_TRUE(std::regex_search(additionOutput_, std::regex(R"(warm-up 1/2: 1 epochs of reconstruction)")))
        << additionOutput_;
    EXPECT_TRUE(std::regex_search(additionOutput_, std::regex(R"(warm-up 2/2: 300 passes of P)")))
        << additionOutput_;
}

TEST_F(CliAddition, TheDefaultRecipeUsesNoDigitLabelsAndTheHelpNamesTheAidsThatDo) {
    EXPECT_NE(additionOutput_.find("digit probe 0, code target sample, no digit labels"), std::string::npos)
        << additionOutput_;
    EXPECT_NE(additionOutput_.find("lr 0.001 cosine"), std::string::npos) << additionOutput_;
    EXPECT_NE(generativeOutput_.find("no digit labels, KL 0.0003"), std::string::npos) << generativeOutput_;
    const std::string config = readFile(additionPath() / "config.json");
    EXPECT_NE(config.find(R"("digit_weight": 0.0)"), std::string::npos) << config;
    EXPECT_NE(config.find(R"("code_target": "sample")"), std::string::npos) << config;

    const auto help = runCli("train vae-genp-addition --help");
    EXPECT_NE(help.output.find("Guided, uses the digit labels: weight of a digit probe"), std::string::npos)
        << help.output;
    EXPECT_NE(help.output.find("prototype: uses the digit labels) [default: sample]"), std::string::npos)
        << help.output;
    EXPECT_NE(help.output.find("(0: off) [default: 0]"), std::string::npos) << help.output;
    EXPECT_NE(help.output.find("[default: 0.0003 for guided, 0.001 for assignment]"), std::string::npos)
        << help.output;

    // The exact recipe takes its own defaults: a constant rate and the textbook KL weight.
    const auto exact = runCli("train vae-genp-addition --recipe assignment --epochs 1 --max-batches 1 "
                              "--batch 16 --out " + (scratch_.path() / "exact").string());
    ASSERT_EQ(exact.exitCode, 0) << exact.output;
    EXPECT_NE(exact.output.find("no digit labels, KL 0.001)"), std::string::npos) << exact.output;
    EXPECT_NE(exact.output.find("lr 0.001 constant"), std::string::npos) << exact.output;
    // Given, the labelled aids are used and said so.
    const auto labelled = runCli("train addition --digit-weight 1 --code-target prototype --epochs 1 "
                                 "--max-batches 1 --batch 16 --ae-warmup 0 --adder-warmup 1 --out " +
                                 (scratch_.path() / "labelled").string());
    ASSERT_EQ(labelled.exitCode, 0) << labelled.output;
    EXPECT_NE(labelled.output.find("digit probe 1, code target prototype, uses the digit labels"),
              std::string::npos)
        << labelled.output;
}

TEST_F(CliAddition, GridWritesTheFigureAndPrintsTheJudgesReading) {
    const auto png = scratch_.path() / "grid.png";
    const auto result = runCli("grid --run " + additionPath().string() + " --judge " +
                               judgePath().string() + " --out " + png.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"([0-9]+/55 cells read right)")))
        << result.output;
    EXPECT_GT(std::filesystem::file_size(png), 2000u);
    // The report's grid figure (360 x 390 points) at twice its size, by the report's painter.
    EXPECT_EQ(pngSize(png), std::make_pair(720u, 780u));
}

TEST_F(CliAddition, HeldOutCellsAreLeftOutOfTrainingAndMeasuredApart) {
    const auto run = scratch_.path() / "held-out";
    const auto trained = runCli("train addition --epochs 1 --max-batches 2 --batch 32 --ae-warmup 0 "
                                "--adder-warmup 2 --hold-out 3+4,5+2 --hold-out-addends 8..9 --out " +
                                run.string());
    ASSERT_EQ(trained.exitCode, 0) << trained.output;
    EXPECT_NE(trained.output.find("held out of training: 5 cells (0+8,0+9,1+8,3+4,5+2)"), std::string::npos)
        << trained.output;
    EXPECT_NE(readFile(run / "config.json").find(R"("held_out": "0+8,0+9,1+8,3+4,5+2")"), std::string::npos);

    const auto eval = runCli("eval --run " + run.string() + " --judge " + judgePath().string());
    ASSERT_EQ(eval.exitCode, 0) << eval.output;
    EXPECT_TRUE(std::regex_search(
        eval.output, std::regex(R"(seen in training: [0-9.]+% of [0-9]+; held out of training \(0\+8,0\+9,1\+8,3\+4,5\+2\): [0-9.]+% of [0-9]+)")))
        << eval.output;
    EXPECT_NE(eval.output.find("* held out of training"), std::string::npos) << eval.output;

    // Impossible cells and a hold-out that leaves a sum without pairs are refused in words.
    const auto sumOverNine = runCli("train addition --epochs 1 --hold-out 3+7 --out " + (scratch_.path() / "x").string());
    EXPECT_EQ(sumOverNine.exitCode, 2) << sumOverNine.output;
    EXPECT_NE(sumOverNine.output.find("the sum 10 is over 9"), std::string::npos) << sumOverNine.output;
    const auto noZero = runCli("train addition --epochs 1 --hold-out 0+0 --out " + (scratch_.path() / "y").string());
    EXPECT_EQ(noZero.exitCode, 2) << noZero.output;
    EXPECT_NE(noZero.output.find("every training pair whose sum is 0"), std::string::npos) << noZero.output;
    EXPECT_FALSE(fs::exists(scratch_.path() / "y" / "best.pt"));
}

TEST_F(CliAddition, ProbePrintsIdentityCompositionAndCommutation) {
    const fs::path png = scratch_.path() / "probes.png";
    const auto result = runCli("probe --run " + additionPath().string() + " --judge " +
                               judgePath().string() + " --images 2 --out " + png.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    // The three per-cell grids side by side (3 x 330 + 2 x 18 by 370 units) at 2x.
    EXPECT_EQ(pngSize(png), std::make_pair(2052u, 740u));
    for (const char* row : {R"(identity +f\(x, 0\) ~ x +[0-9.]+% +[0-9.]+ +20\b)",
                            R"(composition +f\(f\(x, a\), b\) ~ f\(x, a \+ b\) +[0-9.]+% +[0-9.]+ +240\b)",
                            R"(commutation +f\(f\(x, a\), b\) ~ f\(f\(x, b\), a\) +[0-9.]+% +[0-9.]+ +100\b)"}) {
        EXPECT_TRUE(std::regex_search(result.output, std::regex(row))) << row << "\n" << result.output;
    }
    const auto wrongKind = runCli("probe --run " + judgePath().string() + " --judge " + judgePath().string());
    EXPECT_EQ(wrongKind.exitCode, 2) << wrongKind.output;
}

TEST_F(CliAddition, ManifoldShowsACodeSevenModelOnASliceAndRefusesAJudge) {
    const fs::path png = scratch_.path() / "manifold.png";
    const auto result = runCli("manifold --range prior --steps 8 --run " + generativePath().string() +
                               " --out " + png.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("plane: a slice: the PCA plane of the 7-d codes through their mean"),
              std::string::npos) << result.output;
    EXPECT_NE(result.output.find("This is a slice: the other 5 components stay at the codes' mean."),
              std::string::npos) << result.output;
    EXPECT_NE(result.output.find("(±3σ of the prior)"), std::string::npos) << result.output;
    // The report's figure size (620 x 350 units) at 2x.
    EXPECT_EQ(pngSize(png), std::make_pair(1240u, 700u));

    const auto judge = runCli("manifold --run " + judgePath().string() + " --out " +
                              (scratch_.path() / "judge.png").string());
    EXPECT_EQ(judge.exitCode, 2);
    EXPECT_NE(judge.output.find("is a judge run: it has no decoder"), std::string::npos) << judge.output;
    const auto steps = runCli("manifold --steps 41 --run " + additionPath().string() + " --out " +
                              (scratch_.path() / "steps.png").string());
    EXPECT_EQ(steps.exitCode, 2) << steps.output;
    EXPECT_FALSE(fs::exists(scratch_.path() / "judge.png"));
    EXPECT_FALSE(fs::exists(scratch_.path() / "steps.png"));
}

TEST_F(CliAddition, MorphDrawsTheMorphBesideTheSumsAndRefusesWhatCannotBeMorphed) {
    const fs::path png = scratch_.path() / "morph.png";
    const auto result = runCli("morph --run " + additionPath().string() + " --judge " + judgePath().string() +
                               " --from 3 --to 5 --steps 5 --path spherical --out " + png.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    // Every step read by the judge, the last one beside 3 + 2.
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(\n0\.50 +[0-9] +1\.00 +[0-9] *\n)"))) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(\n1\.00 +[0-9] +2\.00 +[0-9] *\n)"))) << result.output;
    EXPECT_TRUE(std::regex_search(result.output,
                                  std::regex(R"(Mean L2 per pixel between the morph and the sum at equal t: 0\.[0-9]{4})")))
        << result.output;
    const auto [width, height] = pngSize(png);
    EXPECT_GT(width, 400u);
    EXPECT_GT(height, 200u);

    const auto down = runCli("morph --run " + additionPath().string() + " --from 5 --to 3 --steps 3 --out " +
                             (scratch_.path() / "down.png").string());
    ASSERT_EQ(down.exitCode, 0) << down.output;
    EXPECT_NE(down.output.find("No sums: adding goes up, and 3 is below 5."), std::string::npos) << down.output;

    const auto missing = runCli("morph --run " + additionPath().string() + " --from-index 100000 --out " +
                                (scratch_.path() / "missing.png").string());
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.output.find("the test split has"), std::string::npos) << missing.output;
    const auto judge = runCli("morph --run " + judgePath().string() + " --out " + (scratch_.path() / "j.png").string());
    EXPECT_EQ(judge.exitCode, 2);
    EXPECT_FALSE(fs::exists(scratch_.path() / "missing.png"));
    EXPECT_FALSE(fs::exists(scratch_.path() / "j.png"));
}

TEST_F(CliAddition, FeaturesDrawsEveryStageAndNamesItsStrongestChannels) {
    const fs::path png = scratch_.path() / "features.png";
    const auto result = runCli("features --run " + additionPath().string() + " --digit 7 --addend 1.5 --out " +
                               png.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    for (const char* stage : {"E conv1", "E conv2", "E conv3", "D stage 1", "D stage 2", "D stage 3"}) {
        EXPECT_NE(result.output.find(stage), std::string::npos) << stage << "\n" << result.output;
    }
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(E conv3 +128 x 8\^2 +[0-9.]+ +[0-9]+ +[0-9]+ \()")))
        << result.output;
    // The figure's natural size (720 x 450 units) at 2x.
    EXPECT_EQ(pngSize(png), std::make_pair(1440u, 900u));
    const auto judge = runCli("features --run " + judgePath().string() + " --out " +
                              (scratch_.path() / "j.png").string());
    EXPECT_EQ(judge.exitCode, 2);
    EXPECT_FALSE(fs::exists(scratch_.path() / "j.png"));
}

TEST_F(CliAddition, AddWritesOnePanelPerAddendAndFlagsExtrapolation) {
    const auto png = scratch_.path() / "sevens.png";
    const auto result = runCli("add --run " + additionPath().string() + " --digit 7 --addend 1,2,1.5,1.4,1.6,3 --judge " +
                               judgePath().string() + " --out " + png.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    for (const char* caption : {"7 + 1 ", "7 + 2 ", "7 + 1.5", "7 + 1.4", "7 + 1.6"}) {
        EXPECT_NE(result.output.find(caption), std::string::npos) << caption << "\n" << result.output;
    }
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(7 \+ 3 +-> judge reads [0-9] +\(extrapolation)")))
        << result.output;
    EXPECT_TRUE(std::filesystem::exists(png));
}

TEST_F(CliAddition, AddRefusesAFileThatIsNotAnImageAndARunOfAnotherKind) {
    const auto text = scratch_.path() / "digit.png";
    std::ofstream(text) << "not an image";
    const auto notImage = runCli("add --run " + additionPath().string() + " --addend 1 --image " +
                                 text.string() + " --out " + (scratch_.path() / "x.png").string());
    EXPECT_EQ(notImage.exitCode, 2);
    EXPECT_NE(notImage.output.find("is not an image"), std::string::npos) << notImage.output;
    const auto judgeAsModel = runCli("add --run " + judgePath().string() + " --addend 1 --out " +
                                     (scratch_.path() / "y.png").string());
    EXPECT_EQ(judgeAsModel.exitCode, 2);
    EXPECT_NE(judgeAsModel.output.find("is a run of kind 'judge'; an addition, vae-addition or vae-genp-addition run"), std::string::npos)
        << judgeAsModel.output;
}

TEST_F(CliAddition, EvalPrintsValidationAndTestAccuracyPerCell) {
    const auto result =
        runCli("eval --run " + additionPath().string() + " --judge " + judgePath().string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(validation addition accuracy: [0-9.]+% of 5[0-9]{3} )")))
        << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(test addition accuracy: [0-9.]+%)")))
        << result.output;
    EXPECT_NE(result.output.find("+9 "), std::string::npos) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(test L2 \(generated vs expected, addition pairs\): 0\.[0-9]{5})")))
        << result.output;
}

TEST_F(CliAddition, GenerativeModelTrainsWithItsKlTermAndDrawsSamples) {
    EXPECT_NE(generativeOutput_.find("Training VAE + generative P (vae-genp-addition)"), std::string::npos)
        << generativeOutput_;
    // The KL term is trained and printed (a plain addition run prints kl 0.00).
    EXPECT_TRUE(std::regex_search(generativeOutput_,
                                  std::regex(R"(kl ([1-9][0-9]*\.[0-9]{2}|0\.0[1-9]|0\.[1-9][0-9])\))")))
        << generativeOutput_;
    const auto png = scratch_.path() / "samples.png";
    const auto result = runCli("add --run " + generativePath().string() + " --digit 7 --addend 1.5 --samples 4 --judge " +
                               judgePath().string() + " --out " + png.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(4 samples read as( [0-9]:[1-4])+; mean pixel std of the samples 0\.[0-9]*[1-9])")))
        << result.output;
    EXPECT_GT(std::filesystem::file_size(png), 2000u);
    // A deterministic run has no samples to draw.
    const auto refused =
        runCli("add --run " + additionPath().string() + " --addend 1 --samples 4 --out " +
               (scratch_.path() / "z.png").string());
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_NE(refused.output.find("--samples needs a vae-addition or vae-genp-addition run"), std::string::npos)
        << refused.output;
}

TEST_F(CliAddition, CompareDrawsEveryRunOnTheSameInput) {
    const auto png = scratch_.path() / "compare.png";
    const auto result = runCli("compare --runs " + additionPath().string() + " " + generativePath().string() +
                               " --digit 7 --addends 1,2,1.5 --samples 3 --judge " + judgePath().string() +
                               " --out " + png.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("AE + P ("), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("VAE + generative P ("), std::string::npos) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(3 samples read as)"))) << result.output;
    EXPECT_GT(std::filesystem::file_size(png), 4000u);
}

TEST_F(CliAddition, ReportWritesThePdfAndNamesTheMissingRunsWithoutADisplay) {
    // No display and no Qt platform chosen: the command paints off-screen on its own. The test
    // process gets both variables back however the test ends.
    struct HiddenVariable {
        explicit HiddenVariable(const char* name) : name(name), had(std::getenv(name) != nullptr) {
            if (had) value = std::getenv(name);
            unsetenv(name);
        }
        ~HiddenVariable() {
            if (had) setenv(name, value.c_str(), 1);
        }
        const char* name;
        bool had;
        std::string value;
    };
    const HiddenVariable platform("QT_QPA_PLATFORM"), display("DISPLAY");
    const auto out = scratch_.path() / "report";
    const auto result =
        runCli("report --runs " + cliRuns().folder.string() + " --out " + out.string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_TRUE(std::regex_search(result.output, std::regex(R"(Wrote .*report\.pdf with \d+ figures)"))) << result.output;
    EXPECT_NE(result.output.find("learn2add-cli train vae-addition"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("learn2add-cli train autoencoder --decoder resize64 --loss bce"), std::string::npos);
    EXPECT_GT(std::filesystem::file_size(out / "report.pdf"), 10000u);
    EXPECT_TRUE(std::filesystem::exists(out / "figures" / "part3-addition-grid.png"));
    // The grid the report writes is the figure `learn2add-cli grid` writes: one description.
    EXPECT_EQ(pngSize(out / "figures" / "part3-addition-grid.png"), std::make_pair(720u, 780u));
    EXPECT_TRUE(std::filesystem::exists(out / "figures" / "part4-vae-genp-samples.png"));

    const auto bad = runCli("report --runs " + (scratch_.path() / "nothing-here").string() +
                            " --out " + (scratch_.path() / "report-of-nothing").string());
    EXPECT_NE(bad.exitCode, 0) << bad.output;  // a mistyped folder is an error, named
    EXPECT_NE(bad.output.find("nothing-here"), std::string::npos) << bad.output;
    EXPECT_FALSE(fs::exists(scratch_.path() / "report-of-nothing" / "report.pdf"));
}

}  // namespace
}  // namespace learn2add
