#include "cli/ManifoldCommand.h"

#include <iostream>
#include <stdexcept>

#include "cli/FigureOutput.h"
#include "cli/ReportErrors.h"
#include "infer/AdditionRun.h"
#include "infer/CodeManifold.h"
#include "report/ManifoldChart.h"
#include "report/ReportFigures.h"

namespace learn2add::cli {
namespace {

struct OpenedCodes {
    models::Autoencoder model{nullptr};
    nlohmann::json config;
    std::string name;  // e.g. "upsample autoencoder, code 2, epoch 10"
};

OpenedCodes openCodes(const std::filesystem::path& folder) {
    const infer::RunKind kind = infer::readRunKind(folder);
    OpenedCodes opened;
    if (kind.family == infer::RunFamily::Autoencoder) {
        infer::AutoencoderRun run = infer::openAutoencoderRun(folder);
        opened.model = run.model;
        opened.config = run.config;
        opened.name = models::toString(run.model->decoderKind()) + " autoencoder, code " +
                      std::to_string(run.model->codeSize()) + ", epoch " + std::to_string(run.checkpoint.epoch);
    } else if (kind.family == infer::RunFamily::Addition) {
        infer::AdditionRun run = infer::openAdditionRun(folder);
        opened.model = run.model->autoencoder();
        opened.config = run.config;
        opened.name = models::displayName(run.variant) + " (" + models::toString(opened.model->decoderKind()) +
                      ", code " + std::to_string(opened.model->codeSize()) + ", epoch " +
                      std::to_string(run.checkpoint.epoch) + ")";
    } else {
        throw infer::RunOpenError(folder.string() +
                                  " is a judge run: it has no decoder (give an autoencoder or addition run)");
    }
    return opened;
}

}  // namespace

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
        OpenedCodes opened = openCodes(o.run);
        const bool prior = o.range == "prior";
        if (prior && !opened.model->options.variational()) {
            throw std::invalid_argument("--range prior needs a variational encoder; " + o.run + " has a plain one "
                                        "(its codes follow no prior: use --range codes)");
        }
        const data::MnistData data = infer::loadRunData(opened.config);
        const infer::CodePlane plane = infer::fitCodePlane(opened.model, data.validation);
        const infer::PlaneRange range =
            infer::manifoldRange(plane, prior ? infer::ManifoldRange::Prior : infer::ManifoldRange::Codes);
        const infer::CodeManifold manifold =
            infer::decodeManifold(opened.model, plane.projection, range, o.steps);
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
