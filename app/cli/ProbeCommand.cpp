#include "cli/ProbeCommand.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/FigureOutput.h"
#include "cli/ReportErrors.h"
#include "cli/TextTable.h"
#include "infer/AlgebraProbes.h"
#include "infer/AdditionRun.h"
#include "models/AdditionVariant.h"
#include "report/ProbeChart.h"
#include "report/ReportFigures.h"

namespace learn2add::cli {
namespace {

// Judge agreement per input digit (rows) and total addend (columns); "" where no cell.
void printPerCell(const char* name, const infer::ProbeTable& table, int firstAddend) {
    std::vector<std::string> header{std::string(name) + ": digit \\ a + b"};
    for (int s = firstAddend; s <= 9; ++s) header.push_back("+" + std::to_string(s));
    TextTable text(header);
    for (int d = 0; d + firstAddend <= 9; ++d) {
        std::vector<std::string> row{std::to_string(d)};
        for (int s = firstAddend; s <= 9; ++s) {
            const infer::ProbeCell& cell = table.cells[d][s];
            row.push_back(cell.count > 0 ? percentText(cell.agreement()) : "");
        }
        text.addRow(row);
    }
    std::cout << "\n";
    text.print(std::cout);
}

}  // namespace

CLI::App* addProbeCommand(CLI::App& app, ProbeCommandOptions& o) {
    CLI::App* command = app.add_subcommand(
        "probe", "Algebra probes of an addition model on the test split: identity, composition, commutation");
    command->add_option("--run", o.run, "Addition run (addition, vae-addition or vae-genp-addition)")
        ->required()
        ->check(CLI::ExistingDirectory);
    command->add_option("--judge", o.judge, "Judge run (learn2add-cli train judge)")
        ->required()
        ->check(CLI::ExistingDirectory);
    command->add_option("--images", o.images, "Test images per digit")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    command->add_option("--out", o.out, "PNG file for the three probes' per-cell agreement grids");
    return command;
}

int runProbeCommand(const ProbeCommandOptions& o) {
    return reportErrors([&] {
        infer::AdditionRun run = infer::openAdditionRun(o.run);
        infer::JudgeRun judge = infer::openJudgeRun(o.judge);
        const data::MnistData data = infer::loadRunData(run.config);
        const auto start = std::chrono::steady_clock::now();
        const infer::AlgebraProbes probes = infer::probeAlgebra(run.model, judge.judge, data.test, o.images);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << models::displayName(run.variant) << " (" << o.run << ", epoch " << run.checkpoint.epoch
                  << "), " << probes.imagesPerDigit << " test images per digit, read by " << o.judge << "\n\n";
        TextTable summary({"probe", "compares", "judge agrees", "L2 per pixel", "pairs"});
        summary.addRow({"identity", "f(x, 0) ~ x", percentText(probes.identity.overall.agreement()),
                        fixedText(probes.identity.overall.l2(), 4), std::to_string(probes.identity.overall.count)});
        summary.addRow({"composition", "f(f(x, a), b) ~ f(x, a + b)", percentText(probes.composition.overall.agreement()),
                        fixedText(probes.composition.overall.l2(), 4), std::to_string(probes.composition.overall.count)});
        summary.addRow({"commutation", "f(f(x, a), b) ~ f(f(x, b), a)",
                        percentText(probes.commutation.overall.agreement()), fixedText(probes.commutation.overall.l2(), 4),
                        std::to_string(probes.commutation.overall.count)});
        summary.print(std::cout);
        printPerCell("composition", probes.composition, 2);
        printPerCell("commutation", probes.commutation, 3);
        std::printf("\nMeasured in %.1f s. Identity: the judge reads f(x, 0) as x's digit; composition and "
                    "commutation: it reads both sides as the same digit (a, b >= 1 whole addends).\n",
                    seconds);
        if (!o.out.empty()) {
            const std::vector<ui::ProbeKind> kinds{ui::ProbeKind::Identity, ui::ProbeKind::Composition,
                                                   ui::ProbeKind::Commutation};
            writeFigure({QStringLiteral("probes"), 0, QString(), ui::probeGridsSize(3),
                         [probes, kinds](QPainter& painter, const QRectF& area) {
                             ui::paintProbeGrids(painter, area, probes, kinds);
                         }},
                        o.out);
            std::cout << "Wrote " << o.out << "\n";
        }
        return 0;
    });
}

}  // namespace learn2add::cli
