#include "cli/MorphCommand.h"

#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "cli/DecoderRun.h"
#include "cli/FigureOutput.h"
#include "cli/ReportErrors.h"
#include "cli/TestImages.h"
#include "cli/TextTable.h"
#include "infer/AdditionRun.h"
#include "infer/AutoencoderRun.h"
#include "infer/CodeMorph.h"
#include "infer/FigurePanels.h"
#include "infer/GreyImageTensors.h"
#include "report/ReportFigures.h"

namespace learn2add::cli {
namespace {

infer::PanelRow panelRow(const std::string& label, const std::vector<infer::MorphTile>& tiles, bool sums) {
    infer::PanelRow row{label, {}};
    for (const infer::MorphTile& tile : tiles) {
        row.panels.push_back({sums ? "+" + fixedText(tile.addend, 2) : "t = " + fixedText(tile.t, 2),
                              infer::imageBytes(infer::inputTensor(tile.image, 32)), tile.read});
    }
    return row;
}

std::string reading(int read) {
    return read >= 0 ? std::to_string(read) : "";
}

}  // namespace

CLI::App* addMorphCommand(CLI::App& app, MorphCommandOptions& o) {
    CLI::App* command = app.add_subcommand(
        "morph", "Morph one test image into another through the code space of an autoencoder or addition run; "
                 "for an addition run beside the sums digit + u for the same progress");
    command->add_option("--run", o.run, "Autoencoder or addition run folder")
        ->required()
        ->check(CLI::ExistingDirectory);
    command->add_option("--from", o.from, "The first image's digit")->check(CLI::Range(0, 9))->capture_default_str();
    command->add_option("--to", o.to, "The last image's digit")->check(CLI::Range(0, 9))->capture_default_str();
    command->add_option("--from-index", o.fromIndex, "Which test image of --from")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command->add_option("--to-index", o.toIndex, "Which test image of --to")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command->add_option("--steps", o.steps, "Images from t = 0 to 1")->check(CLI::Range(2, 40))->capture_default_str();
    command->add_option("--path", o.path,
                        "linear: (1 - t) z0 + t z1; spherical: along the great circle around the prior's mean")
        ->check(CLI::IsMember({"linear", "spherical"}))
        ->capture_default_str();
    command->add_option("--judge", o.judge, "Judge run that reads every image")->check(CLI::ExistingDirectory);
    command->add_option("--out", o.out, "PNG file to write")->required();
    return command;
}

int runMorphCommand(const MorphCommandOptions& o) {
    return reportErrors([&] {
        DecoderRun run = openDecoderRun(o.run);
        std::optional<infer::JudgeRun> judge;
        if (!o.judge.empty()) judge = infer::openJudgeRun(o.judge);
        const data::MnistData data = infer::loadRunData(run.config);
        const infer::GreyImage from = testImage(data.test, o.from, o.fromIndex, "--from-index");
        const infer::GreyImage to = testImage(data.test, o.to, o.toIndex, "--to-index");
        infer::MorphSettings settings;
        settings.steps = o.steps;
        settings.path = o.path == "spherical" ? infer::MorphPath::Spherical : infer::MorphPath::Linear;
        settings.fromDigit = o.from;
        settings.toDigit = o.to;
        const infer::MorphStudy study = infer::morphInputs(run.autoencoder, run.addition ? &run.addition : nullptr,
                                                           judge ? &judge->judge : nullptr, from, to, settings);

        const std::string arrow = std::to_string(o.from) + " → " + std::to_string(o.to);
        std::vector<infer::PanelRow> rows{panelRow("morph " + arrow, study.morph, false)};
        if (!study.addition.empty()) rows.push_back(panelRow(std::to_string(o.from) + " + u", study.addition, true));
        writeFigure(ui::panelTableFigure(QStringLiteral("morph"), rows,
                                         QString::fromStdString("Morph " + arrow + " (" + o.path + "): " + run.name)),
                    o.out);

        std::cout << "Wrote " << o.out << ": test image " << o.fromIndex << " of " << o.from << " morphed into test image "
                  << o.toIndex << " of " << o.to << " (" << o.path << ", " << o.steps << " steps) by " << run.name
                  << "\n\n";
        std::vector<std::string> header{"t", "morph read"};
        if (!study.addition.empty()) header.insert(header.end(), {"u", "sum read"});
        TextTable table(header);
        for (std::size_t i = 0; i < study.morph.size(); ++i) {
            std::vector<std::string> row{fixedText(study.morph[i].t, 2), reading(study.morph[i].read)};
            if (!study.addition.empty()) {
                row.insert(row.end(), {fixedText(study.addition[i].addend, 2), reading(study.addition[i].read)});
            }
            table.addRow(row);
        }
        table.print(std::cout);
        if (study.meanL2 >= 0) {
            std::cout << "\nMean L2 per pixel between the morph and the sum at equal t: " << fixedText(study.meanL2, 4)
                      << "\n";
        } else if (run.addition) {
            std::cout << "\nNo sums: adding goes up, and " << o.to << " is below " << o.from << ".\n";
        }
        return 0;
    });
}

}  // namespace learn2add::cli
