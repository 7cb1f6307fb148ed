#include "cli/ManifoldCommand.h"

#include <iostream>
#include <stdexcept>

#include "cli/DecoderRun.h"
#include "cli/FigureOutput.h"
#include "cli/ReportErrors.h"
#include "infer/AutoencoderRun.h"
#include "infer/CodeManifold.h"
#include "report/ManifoldChart.h"
#include "report/ReportFigures.h"

namespace learn2add::cli {

CLI::App* addManifoldCommand(CLI::App& app, ManifoldCommandOptions& o) {
    CLI::App* command = app.add_subcommand(
        "manifold", "Write the code manifold of an autoencoder or addition run: decoded codes over a plane beside "
                    "the validation codes (a code above 2 is shown on the PCA plane of its codes, a slice)");
    command->add_option("--run", o.run, "Autoencoder or addition run folder")
        ->required()
        ->check(CLI::ExistingDirectory);
    command->add_option("--out", o.out, "PNG file to write")->required();
    command->add_option("--steps", o.steps, "Decoded tiles per side")
        ->check(CLI::Range(2, 40))
        ->capture_default_str();
    command->add_option("--range", o.range,
                        "codes: where the validation codes lie (1st-99th percentile, widened); "
                        "prior: ±3σ around the prior's mean (variational encoders only)")
        ->check(CLI::IsMember({"codes", "prior"}))
        ->capture_default_str();
    return command;
}

int runManifoldCommand(const ManifoldCommandOptions& o) {
    return reportErrors([&] {
        DecoderRun opened = openDecoderRun(o.run);
        const bool prior = o.range == "prior";
        if (prior && !opened.autoencoder->options.variational()) {
            throw std::invalid_argument("--range prior needs a variational encoder; " + o.run + " has a plain one "
                                        "(its codes follow no prior: use --range codes)");
        }
        const data::MnistData data = infer::loadRunData(opened.config);
        const infer::CodePlane plane = infer::fitCodePlane(opened.autoencoder, data.validation);
        const infer::PlaneRange range =
            infer::manifoldRange(plane, prior ? infer::ManifoldRange::Prior : infer::ManifoldRange::Codes);
        const infer::CodeManifold manifold =
            infer::decodeManifold(opened.autoencoder, plane.projection, range, o.steps);
        ui::ManifoldChart chart = ui::manifoldChart(plane, manifold);
        chart.title = QString::fromStdString("Code manifold: " + opened.name);
        writeFigure({QStringLiteral("manifold"), 0, QString(), ui::manifoldFigureSize(),
                     [chart](QPainter& painter, const QRectF& area) {
                         ui::paintCodeManifold(painter, area, chart);
                     }},
                    o.out);
        std::cout << "Wrote " << o.out << ": " << o.steps << " x " << o.steps << " decoded codes of " << opened.name
                  << "\nplane: " << plane.describe() << "\n"
                  << "range: x " << range.xMin << " .. " << range.xMax << ", y " << range.yMin << " .. "
                  << range.yMax << (prior ? " (±3σ of the prior)" : " (the validation codes)") << "\n"
                  << "validation codes: " << data.validation.size() << "\n";
        if (plane.projection.isSlice()) {
            std::cout << "This is a slice: the other " << plane.projection.codeSize() - 2
                      << " components stay at the codes' mean.\n";
        }
        return 0;
    });
}

}  // namespace learn2add::cli
