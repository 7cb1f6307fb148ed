#include "cli/FeaturesCommand.h"

#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "cli/FigureOutput.h"
#include "cli/ReportErrors.h"
#include "cli/TestImages.h"
#include "cli/TextTable.h"
#include "infer/AdditionRun.h"
#include "infer/FeatureMaps.h"
#include "report/FeatureMapChart.h"
#include "report/ReportFigures.h"

namespace learn2add::cli {
namespace {

void addStageRows(TextTable& table, const std::vector<infer::FeatureStage>& stages) {
    for (const infer::FeatureStage& stage : stages) {
        int silent = 0;
        for (const infer::FeatureChannel& channel : stage.channels) silent += channel.maximum <= 0.0f;
        std::string strongest;
        for (std::size_t i = 0; i < stage.channels.size() && i < 5; ++i) {
            strongest += (i ? ", " : "") + std::to_string(stage.channels[i].channel) + " (" +
                         fixedText(stage.channels[i].mean, 3) + ")";
        }
        table.addRow({stage.name, std::to_string(stage.channels.size()) + " x " + std::to_string(stage.side) + "^2",
                      fixedText(stage.maximum, 3), std::to_string(silent), strongest});
    }
}

}  // namespace

CLI::App* addFeaturesCommand(CLI::App& app, FeaturesCommandOptions& o) {
    CLI::App* command = app.add_subcommand(
        "features", "Write the feature maps of an addition model: its encoder's stages of a test image and its "
                    "decoder's stages of the sum, every channel, the strongest first");
    command->add_option("--run", o.run, "Addition run (addition, vae-addition or vae-genp-addition)")
        ->required()
        ->check(CLI::ExistingDirectory);
    command->add_option("--digit", o.digit, "The test image's digit")->check(CLI::Range(0, 9))->capture_default_str();
    command->add_option("--index", o.index, "Which test image of the digit")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command->add_option("--addend", o.addend, "The addend of the sum whose decoding is shown")
        ->check(CLI::Range(-20.0, 20.0))
        ->capture_default_str();
    command->add_option("--out", o.out, "PNG file to write")->required();
    return command;
}

int runFeaturesCommand(const FeaturesCommandOptions& o) {
    return reportErrors([&] {
        infer::AdditionRun run = infer::openAdditionRun(o.run);
        const data::MnistData data = infer::loadRunData(run.config);
        const infer::GreyImage input = testImage(data.test, o.digit, o.index, "--index");
        const infer::FeatureMaps maps = infer::featureMaps(run.model, input, o.addend);
        const QString digit = QString::number(o.digit);
        ui::FeatureMapChart chart =
            ui::featureMapChart(maps, digit, digit + QStringLiteral(" + ") + QString::number(o.addend, 'f', 2));
        chart.title = QString::fromStdString("Feature maps: " + models::displayName(run.variant) + ", test image " +
                                             std::to_string(o.index) + " of " + std::to_string(o.digit) + " + " +
                                             fixedText(o.addend, 2));
        writeFigure({QStringLiteral("features"), 0, QString(), ui::featureMapFigureSize(),
                     [chart](QPainter& painter, const QRectF& area) { ui::paintFeatureMaps(painter, area, chart); }},
                    o.out);
        std::cout << "Wrote " << o.out << ": the feature maps of " << models::displayName(run.variant) << " ("
                  << o.run << ") for test image " << o.index << " of " << o.digit << " + " << fixedText(o.addend, 2)
                  << "\n\n";
        TextTable table({"stage", "maps", "largest", "silent", "strongest channels (mean activation)"});
        addStageRows(table, maps.encoder);
        addStageRows(table, maps.decoder);
        table.print(std::cout);
        std::cout << "\nsilent: channels that stay at 0 for this input (after the ReLU).\n";
        return 0;
    });
}

}  // namespace learn2add::cli
