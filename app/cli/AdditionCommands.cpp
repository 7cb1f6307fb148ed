#include "cli/AdditionCommands.h"

#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/FigureOutput.h"
#include "cli/OptionChecks.h"
#include "cli/ReportErrors.h"
#include "cli/TestImages.h"
#include "data/DigitImageFile.h"
#include "data/DigitTensors.h"
#include "infer/AdditionEvaluation.h"
#include "infer/FigurePanels.h"
#include "infer/AdditionRun.h"
#include "report/ReportFigures.h"
#include "train/AdditionTrainer.h"

namespace learn2add::cli {
namespace {

// Addends are finite numbers in a range a figure can show; at most kMaxAddends of them (each is a
// panel of the figure, so the count bounds the PNG's width and the memory it takes).
constexpr double kAddendLimit = 20.0;
constexpr int kMaxAddends = 64;

const CLI::Validator kAddendCheck(
    [](std::string& text) -> std::string {
        double value = 0.0;
        std::size_t used = 0;
        try {
            value = std::stod(text, &used);
        } catch (const std::exception&) {
            return "'" + text + "' is not a number";
        }
        if (used != text.size() || !std::isfinite(value))
            return "'" + text + "' is not a finite number";
        if (std::abs(value) > kAddendLimit) {
            return "an addend must be between -20 and 20, got " + text;
        }
        return {};
    },
    "a number in [-20, 20]");

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

struct ChosenInput {
    torch::Tensor image;  // [1, 1, S, S]
    std::string name;
};

// The input of `add` and `compare`: an image file, or test image --index of --digit.
ChosenInput chooseInput(const AdditionCommandOptions& o, const infer::AdditionRun& run) {
    const int size = static_cast<int>(run.model->imageSize());
    if (o.image) return {data::readDigitImage(*o.image, size), *o.image};
    const data::MnistData data = infer::loadRunData(run.config);
    const std::size_t chosen[] = {testImagePosition(data.test, o.digit, o.index, "--index")};
    return {data::imagesToTensor(data.test, chosen, size),
            "test image " + std::to_string(o.index) + " of digit " + std::to_string(o.digit)};
}

torch::Tensor addendTensor(const std::vector<double>& addends) {
    return torch::tensor(std::vector<float>(addends.begin(), addends.end()))
        .reshape({static_cast<std::int64_t>(addends.size()), 1});
}

std::string sumCaption(const AdditionCommandOptions& o, double addend) {
    return (o.image ? std::string("x") : std::to_string(o.digit)) + " + " + number(addend);
}

bool extrapolates(const AdditionCommandOptions& o, double addend) {
    return addend < 0 || addend > 9 || (!o.image && o.digit + addend > 9);
}

// One row of a sample figure or comparison: the mean output, then (with samples) K samples, their
// mean and their standard deviation (scaled to [0, 1] by its maximum). Prints the judge's reads.
infer::PanelRow outputRow(const std::string& label, infer::AdditionRun& run,
                          const torch::Tensor& input, double addend, const AdditionCommandOptions& o,
                          models::DigitJudge* judge) {
    torch::NoGradGuard noGrad;
    const torch::Tensor u = addendTensor({addend});
    const torch::Tensor mean = infer::at32(run.model->add(input, u));
    infer::PanelRow row{label, {}};
    const auto readOf = [&](const torch::Tensor& image) {
        return judge ? static_cast<int>((*judge)->predict(image.reshape({1, 1, 32, 32}))[0].item<std::int64_t>())
                     : -1;
    };
    row.panels.push_back({sumCaption(o, addend), infer::imageBytes(mean), readOf(mean)});
    std::cout << "  " << label << ": " << sumCaption(o, addend);
    if (judge) std::cout << " -> judge reads " << row.panels.back().read;
    if (o.samples > 0) {
        const torch::Tensor samples = infer::at32(
            run.model->sampleAdd(input, u, o.samples, o.seed).reshape({-1, 1, run.model->imageSize(),
                                                                       run.model->imageSize()}));
        std::array<int, 10> votes{};
        for (std::int64_t k = 0; k < samples.size(0); ++k) {
            const int read = readOf(samples[k]);
            if (read >= 0) ++votes[static_cast<std::size_t>(read)];
            row.panels.push_back({"sample " + std::to_string(k + 1), infer::imageBytes(samples[k]), read});
        }
        const torch::Tensor sampleMean = samples.mean(0);
        const torch::Tensor sampleStd = samples.std(0, /*unbiased=*/false);  // K = 1 gives 0
        row.panels.push_back({"mean", infer::imageBytes(sampleMean), readOf(sampleMean)});
        row.panels.push_back({"std (x" + number(std::round(10.0 / std::max(1e-6, sampleStd.max().item<double>())) / 10.0) + ")",
                              infer::imageBytes(sampleStd / std::max(1e-6, sampleStd.max().item<double>())), -1});
        if (judge) {
            std::cout << "; " << o.samples << " samples read as";
            for (int d = 0; d < 10; ++d) {
                if (votes[static_cast<std::size_t>(d)] > 0) std::cout << " " << d << ":" << votes[static_cast<std::size_t>(d)];
            }
        }
        std::cout << "; mean pixel std of the samples " << std::setprecision(3) << sampleStd.mean().item<double>();
    }
    if (extrapolates(o, addend)) std::cout << "  (extrapolation: outside the trained range)";
    std::cout << "\n";
    return row;
}

}  // namespace

AdditionCommands addAdditionCommands(CLI::App& app, AdditionCommandOptions& o) {
    AdditionCommands commands;
    commands.grid = app.add_subcommand(
        "grid", "The digit-by-addend grid of an addition run (assignment Part III.6)");
    commands.add = app.add_subcommand(
        "add", "Add numbers to the image of a digit with an addition run (Part III.7)");
    commands.eval = app.add_subcommand(
        "eval", "Addition accuracy of an addition run, read by a judge, per digit and addend");
    commands.compare = app.add_subcommand(
        "compare", "AE + P, VAE + P and VAE + generative P side by side on one input (Part IV)");
    for (CLI::App* command : {commands.grid, commands.add, commands.eval}) {
        command->add_option("--run", o.run, "Addition run folder")->required();
    }
    commands.compare->add_option("--runs", o.runs, "Addition runs of any kind, one row each")
        ->required()
        ->expected(1, 8);
    commands.compare->add_option("--digit", o.digit, "Digit of the input image (0-9)")
        ->check(CLI::Range(0, 9))
        ->capture_default_str();
    commands.compare
        ->add_option("--addends", o.addends, "Numbers to add, e.g. 1,2,1.5,1.4,1.6 (at most 64)")
        ->delimiter(',')
        ->check(kAddendCheck)
        ->expected(1, kMaxAddends)
        ->required();
    auto* compareIndex = commands.compare->add_option("--index", o.index, "Which test image of the digit")
                             ->check(kWholeNumber)
                             ->capture_default_str();
    commands.compare->add_option("--image", o.image, "An image file of a digit instead")
        ->excludes(compareIndex);
    commands.compare->add_option("--judge", o.judge, "Judge run: print the digit it reads");
    for (CLI::App* command : {commands.add, commands.compare}) {
        command->add_option("--samples", o.samples,
                            "Variational runs: K samples per addend, their mean and std (0: off)")
            ->check(CLI::Range(0, 64))
            ->capture_default_str();
        command->add_option("--seed", o.seed, "Seed of the samples")
            ->check(kWholeNumber)
            ->capture_default_str();
    }
    commands.compare->add_option("--out", o.out, "PNG file to write")->required();
    commands.grid->add_option("--judge", o.judge, "Judge run: mark each cell right or wrong");
    commands.grid->add_flag("--plain", o.plain, "No judge marks, only the assignment's figure");
    commands.grid->add_option("--out", o.out, "PNG file to write")->required();
    commands.add->add_option("--digit", o.digit, "Digit of the input image (0-9)")
        ->check(CLI::Range(0, 9))
        ->capture_default_str();
    commands.add
        ->add_option("--addend", o.addends, "Number(s) to add, e.g. 1,2,1.5,1.4,1.6 (at most 64)")
        ->delimiter(',')
        ->check(kAddendCheck)
        ->expected(1, kMaxAddends)
        ->required();
    auto* index = commands.add->add_option("--index", o.index, "Which test image of the digit")
                      ->check(kWholeNumber)
                      ->capture_default_str();
    commands.add->add_option("--image", o.image, "An image file of a digit instead")
        ->excludes(index);
    commands.add->add_option("--judge", o.judge, "Judge run: print the digit it reads");
    commands.add->add_option("--out", o.out, "PNG file to write")->required();
    commands.eval->add_option("--judge", o.judge, "Judge run (learn2add-cli train judge)")
        ->required();
    return commands;
}

int runGridCommand(const AdditionCommandOptions& o) {
    return reportErrors([&] {
        infer::AdditionRun run = infer::openAdditionRun(o.run);
        std::optional<infer::JudgeRun> judge;
        if (o.judge) judge = infer::openJudgeRun(*o.judge);
        const data::MnistData data = infer::loadRunData(run.config);
        const auto inputs = train::defaultGridInputs(data);
        const torch::Tensor images =
            train::gridInputImages(data, inputs, static_cast<int>(run.model->imageSize()));
        const infer::AdditionGrid grid =
            infer::computeAdditionGrid(run.model, images, judge ? &judge->judge : nullptr);
        const std::string title = run.config.value("decoder", "") + " decoder, " +
                                  run.config.value("recipe", "") + " recipe, epoch " +
                                  std::to_string(run.checkpoint.epoch);
        infer::AdditionGrid shown = grid;
        if (!judge || o.plain) {
            for (auto& column : shown.read) column.fill(-1);  // no marks
        }
        writeFigure(ui::additionGridFigure("grid", shown, QString::fromStdString(title),
                                           run.heldOut),
                    o.out);
        std::cout << "Wrote " << o.out << " (" << title << ")\n";
        if (judge) {
            std::cout << "Judge reads (column = input digit, row = addend; * = wrong):\n     ";
            for (int d = 0; d < infer::kDigits; ++d) std::cout << "   d" << d;
            std::cout << "\n";
            for (int a = 0; a < infer::kDigits; ++a) {
                std::cout << "  +" << a << " ";
                for (int d = 0; d < infer::kDigits; ++d) {
                    if (!infer::AdditionGrid::hasCell(d, a)) {
                        std::cout << "     ";
                        continue;
                    }
                    const int read = grid.read[d][a];
                    std::cout << "    " << read << (read == d + a ? ' ' : '*');
                }
                std::cout << "\n";
            }
            std::cout << grid.correctCells() << "/55 cells read right\n";
        }
        return 0;
    });
}

int runAddCommand(const AdditionCommandOptions& o) {
    return reportErrors([&] {
        infer::AdditionRun run = infer::openAdditionRun(o.run);
        std::optional<infer::JudgeRun> judge;
        if (o.judge) judge = infer::openJudgeRun(*o.judge);
        if (o.samples > 0 && !models::hasVariationalEncoder(run.variant)) {
            throw std::runtime_error("--samples needs a vae-addition or vae-genp-addition run; " +
                                     o.run + " is an addition run (deterministic)");
        }
        const ChosenInput input = chooseInput(o, run);
        std::cout << "Input: " << input.name << " (" << models::displayName(run.variant) << ")\n";
        const std::string title = models::displayName(run.variant) + ", " +
                                  run.config.value("decoder", "") + " decoder";
        if (o.samples > 0) {
            std::vector<infer::PanelRow> rows;
            for (double a : o.addends) {
                rows.push_back(outputRow(sumCaption(o, a), run, input.image, a, o,
                                         judge ? &judge->judge : nullptr));
            }
            writeFigure(ui::panelTableFigure(
                            "samples", rows,
                            QString::fromStdString(title + ": mean output, " +
                                                   std::to_string(o.samples) +
                                                   " samples, their mean and standard deviation")),
                        o.out);
        } else {
            const auto n = static_cast<std::int64_t>(o.addends.size());
            torch::Tensor outputs;
            {
                torch::NoGradGuard noGrad;
                const int size = static_cast<int>(run.model->imageSize());
                outputs = infer::at32(run.model->add(input.image.expand({n, 1, size, size}),
                                                     addendTensor(o.addends)));
            }
            torch::Tensor reads;
            if (judge) reads = judge->judge->predict(outputs);
            std::vector<infer::StripPanel> panels;
            panels.push_back({"input", infer::imageBytes(infer::at32(input.image)), -1});
            for (std::int64_t k = 0; k < n; ++k) {
                const double a = o.addends[static_cast<std::size_t>(k)];
                const int read = judge ? static_cast<int>(reads[k].item<std::int64_t>()) : -1;
                panels.push_back({sumCaption(o, a), infer::imageBytes(outputs[k]), read});
                std::cout << "  " << sumCaption(o, a);
                if (judge) std::cout << "  -> judge reads " << read;
                if (extrapolates(o, a)) {
                    std::cout << "  (extrapolation: training saw addends 0.."
                              << (o.image ? 9 : 9 - o.digit) << ")";
                }
                std::cout << "\n";
            }
            writeFigure(ui::panelTableFigure("strip", {{models::displayName(run.variant), panels}},
                                             QString::fromStdString(title)),
                        o.out);
        }
        std::cout << "Wrote " << o.out << "\n";
        return 0;
    });
}

int runCompareCommand(const AdditionCommandOptions& o) {
    return reportErrors([&] {
        std::vector<infer::AdditionRun> runs;
        for (const std::string& folder : o.runs) runs.push_back(infer::openAdditionRun(folder));
        std::optional<infer::JudgeRun> judge;
        if (o.judge) judge = infer::openJudgeRun(*o.judge);
        std::vector<infer::PanelRow> rows;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            infer::AdditionRun& run = runs[r];
            const ChosenInput input = chooseInput(o, run);
            const std::string label = models::displayName(run.variant) + " (" + o.runs[r] + ")";
            std::cout << label << ", input " << input.name << ":\n";
            // A row of the mean outputs; variational runs with --samples add a row of samples
            // per addend (K samples, their mean, their standard deviation).
            AdditionCommandOptions meanOnly = o;
            meanOnly.samples = 0;
            infer::PanelRow means{models::displayName(run.variant), {}};
            means.panels.push_back({"input", infer::imageBytes(infer::at32(input.image)), -1});
            for (double a : o.addends) {
                means.panels.push_back(outputRow(models::displayName(run.variant), run, input.image,
                                                 a, meanOnly, judge ? &judge->judge : nullptr)
                                           .panels.front());
            }
            rows.push_back(std::move(means));
            if (o.samples == 0 || !models::hasVariationalEncoder(run.variant)) continue;
            for (double a : o.addends) {
                infer::PanelRow samples = outputRow("  samples", run, input.image, a, o,
                                                    judge ? &judge->judge : nullptr);
                samples.panels.erase(samples.panels.begin());
                samples.label = "  samples of +" + number(a);
                rows.push_back(std::move(samples));
            }
        }
        writeFigure(ui::panelTableFigure("compare", rows,
                                         QStringLiteral("The addition models on the same input")),
                    o.out);
        std::cout << "Wrote " << o.out << "\n";
        return 0;
    });
}

int runEvalCommand(const AdditionCommandOptions& o) {
    return reportErrors([&] {
        infer::AdditionRun run = infer::openAdditionRun(o.run);
        infer::JudgeRun judge = infer::openJudgeRun(*o.judge);
        const data::MnistData data = infer::loadRunData(run.config);
        const data::HeldOutCells& heldOut = run.heldOut;
        const int size = static_cast<int>(run.model->imageSize());
        std::cout << "Addition run " << o.run << " (epoch " << run.checkpoint.epoch << "), judge "
                  << *o.judge;
        if (judge.testAccuracy >= 0) std::cout << " (test accuracy " << 100 * judge.testAccuracy << "%)";
        std::cout << "\n";
        for (const auto* split : {"validation", "test"}) {
            const data::DigitSet& set = std::string(split) == "test" ? data.test : data.validation;
            const infer::AdditionAccuracy accuracy = infer::measureAdditionAccuracy(
                run.model, judge.judge, data::imagesToTensor(set, size), data::labelsToTensor(set));
            const double l2 = infer::measureGenerationL2(
                run.model, data::imagesToTensor(set, size),
                data::buildAdditionPairs(set, run.config.value("seed", std::uint64_t{42})));
            std::cout << std::fixed << std::setprecision(1) << "\n" << split
                      << " addition accuracy: " << 100.0 * accuracy.overall << "% of "
                      << accuracy.total << " (image, addend) pairs; " << std::setprecision(5)
                      << split << " L2 (generated vs expected, addition pairs): " << l2
                      << std::setprecision(1) << "\n";
            if (!heldOut.empty()) {
                const infer::SeenAndHeldOut parts = infer::splitByHeldOut(accuracy, heldOut);
                std::cout << "  seen in training: " << 100.0 * parts.seen << "% of " << parts.seenCount
                          << "; held out of training (" << heldOut.toString() << "): "
                          << 100.0 * parts.heldOut << "% of " << parts.heldOutCount << "\n";
            }
            if (std::string(split) != "test") continue;
            std::cout << "per cell, % (column = input digit, row = addend"
                      << (heldOut.empty() ? "" : "; * held out of training") << "):\n     ";
            for (int d = 0; d < infer::kDigits; ++d) std::cout << std::setw(6) << ("d" + std::to_string(d));
            std::cout << "\n";
            for (int a = 0; a < infer::kDigits; ++a) {
                std::cout << "  +" << a << " ";
                for (int d = 0; d < infer::kDigits; ++d) {
                    if (infer::AdditionGrid::hasCell(d, a)) {
                        std::cout << std::setw(heldOut.contains(d, a) ? 5 : 6) << 100.0 * accuracy.cell[d][a]
                                  << (heldOut.contains(d, a) ? "*" : "");
                    } else {
                        std::cout << std::setw(6) << "";
                    }
                }
                std::cout << "\n";
            }
        }
        return 0;
    });
}

}  // namespace learn2add::cli
