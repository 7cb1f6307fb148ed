#include "cli/AdditionCommands.h"

#include <torch/torch.h>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/ReportErrors.h"
#include "data/DigitImageFile.h"
#include "data/DigitTensors.h"
#include "infer/AdditionEvaluation.h"
#include "infer/AdditionFigures.h"
#include "infer/AdditionRun.h"
#include "train/AdditionTrainer.h"

namespace learn2add::cli {
namespace {

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
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
    for (CLI::App* command : {commands.grid, commands.add, commands.eval}) {
        command->add_option("--run", o.run, "Addition run folder")->required();
    }
    commands.grid->add_option("--judge", o.judge, "Judge run: mark each cell right or wrong");
    commands.grid->add_flag("--plain", o.plain, "No judge marks, only the assignment's figure");
    commands.grid->add_option("--out", o.out, "PNG file to write")->required();
    commands.add->add_option("--digit", o.digit, "Digit of the input image (0-9)")
        ->check(CLI::Range(0, 9))
        ->capture_default_str();
    commands.add->add_option("--addend", o.addends, "Number(s) to add, e.g. 1,2,1.5,1.4,1.6")
        ->delimiter(',')
        ->required();
    auto* index = commands.add->add_option("--index", o.index, "Which test image of the digit")
                      ->check(CLI::NonNegativeNumber)
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
        infer::writeGridFigure(o.out, grid, title, judge.has_value() && !o.plain);
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
        const int size = static_cast<int>(run.model->imageSize());
        torch::Tensor input;
        std::string inputName;
        if (o.image) {
            input = data::readDigitImage(*o.image, size);
            inputName = *o.image;
        } else {
            const data::MnistData data = infer::loadRunData(run.config);
            const auto positions = data.test.indicesOf(o.digit);
            if (static_cast<std::size_t>(o.index) >= positions.size()) {
                throw std::runtime_error("the test split has " + std::to_string(positions.size()) +
                                         " images of " + std::to_string(o.digit) +
                                         "; --index must be below that");
            }
            const std::size_t chosen[] = {positions[static_cast<std::size_t>(o.index)]};
            input = data::imagesToTensor(data.test, chosen, size);
            inputName = "test image " + std::to_string(o.index) + " of digit " + std::to_string(o.digit);
        }
        const auto n = static_cast<std::int64_t>(o.addends.size());
        const torch::Tensor u = torch::tensor(std::vector<float>(o.addends.begin(), o.addends.end()))
                                    .reshape({n, 1});
        torch::Tensor outputs;
        {
            torch::NoGradGuard noGrad;
            outputs = infer::at32(run.model->add(input.expand({n, 1, size, size}), u));
        }
        torch::Tensor reads;
        if (judge) reads = judge->judge->predict(outputs);
        std::vector<infer::StripPanel> panels;
        panels.push_back({"input", infer::imageBytes(infer::at32(input)), -1});
        std::cout << "Input: " << inputName << "\n";
        for (std::int64_t k = 0; k < n; ++k) {
            const double a = o.addends[static_cast<std::size_t>(k)];
            const std::string caption =
                (o.image ? std::string("x") : std::to_string(o.digit)) + " + " + number(a);
            const int read = judge ? static_cast<int>(reads[k].item<std::int64_t>()) : -1;
            panels.push_back({caption, infer::imageBytes(outputs[k]), read});
            std::cout << "  " << caption;
            if (judge) std::cout << "  -> judge reads " << read;
            if (a < 0 || (!o.image && o.digit + a > 9) || a > 9) {
                std::cout << "  (extrapolation: training saw addends 0.." << (o.image ? 9 : 9 - o.digit)
                          << ")";
            }
            std::cout << "\n";
        }
        infer::writeStripFigure(o.out, panels, run.config.value("decoder", "") + " addition model");
        std::cout << "Wrote " << o.out << "\n";
        return 0;
    });
}

int runEvalCommand(const AdditionCommandOptions& o) {
    return reportErrors([&] {
        infer::AdditionRun run = infer::openAdditionRun(o.run);
        infer::JudgeRun judge = infer::openJudgeRun(*o.judge);
        const data::MnistData data = infer::loadRunData(run.config);
        const int size = static_cast<int>(run.model->imageSize());
        std::cout << "Addition run " << o.run << " (epoch " << run.checkpoint.epoch << "), judge "
                  << *o.judge;
        if (judge.testAccuracy >= 0) std::cout << " (test accuracy " << 100 * judge.testAccuracy << "%)";
        std::cout << "\n";
        for (const auto* split : {"validation", "test"}) {
            const data::DigitSet& set = std::string(split) == "test" ? data.test : data.validation;
            const infer::AdditionAccuracy accuracy = infer::measureAdditionAccuracy(
                run.model, judge.judge, data::imagesToTensor(set, size), data::labelsToTensor(set));
            std::cout << std::fixed << std::setprecision(1) << "\n" << split
                      << " addition accuracy: " << 100.0 * accuracy.overall << "% of "
                      << accuracy.total << " (image, addend) pairs\n";
            if (std::string(split) != "test") continue;
            std::cout << "per cell, % (column = input digit, row = addend):\n     ";
            for (int d = 0; d < infer::kDigits; ++d) std::cout << std::setw(6) << ("d" + std::to_string(d));
            std::cout << "\n";
            for (int a = 0; a < infer::kDigits; ++a) {
                std::cout << "  +" << a << " ";
                for (int d = 0; d < infer::kDigits; ++d) {
                    if (infer::AdditionGrid::hasCell(d, a)) {
                        std::cout << std::setw(6) << 100.0 * accuracy.cell[d][a];
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
