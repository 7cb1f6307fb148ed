#include "cli/ReportCommand.h"

#include <chrono>
#include <iomanip>
#include <iostream>

#include "cli/FigureOutput.h"
#include "cli/ReportErrors.h"
#include "report/ReportWriter.h"

namespace learn2add::cli {

CLI::App* addReportCommand(CLI::App& app, ReportCommandOptions& o) {
    CLI::App* command = app.add_subcommand(
        "report", "Write every assignment figure the runs can make, the tables and a PDF to a folder");
    command
        ->add_option("--runs", o.runs,
                     "Run folders, or folders of runs (e.g. ~/.local/share/learn2add/runs)")
        ->required()
        ->expected(1, -1)
        ->check(CLI::ExistingDirectory);  // a mistyped folder is an error, not an empty report
    command->add_option("--out", o.out, "Folder to write (created): report.pdf, figures/, tables.md, runs/")
        ->required();
    command->add_flag("--test-accuracy", o.testAccuracy,
                      "Also measure each addition model's test accuracy and L2 (seconds per model)");
    return command;
}

int writeReportOf(const std::vector<std::filesystem::path>& runs, const std::filesystem::path& out,
                  bool measureTest) {
    ensureGuiApplication();  // fonts; the report never shows a window
    return reportErrors([&] {
        ui::ReportRequest request;
        request.runs = runs;
        request.out = out;
        request.measureTest = measureTest;
        const auto start = std::chrono::steady_clock::now();
        const ui::ReportSummary summary = ui::writeReport(request, [&](const std::string& step) {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::cout << "  [" << std::fixed << std::setprecision(1) << std::setw(5) << seconds << " s] " << step
                      << "\n" << std::flush;
        });
        std::cout << "Wrote " << summary.pdf.string() << " with " << summary.figures << " figures in "
                  << std::fixed << std::setprecision(1) << summary.seconds << " s\n";
        if (!summary.missing.empty()) {
            std::cout << summary.missing.size() << " figure(s) missing; the commands that make their runs:\n";
            for (const auto& missing : summary.missing) {
                std::cout << "  " << missing.figure << "\n    " << missing.command << "\n";
            }
        }
        for (const auto& skipped : summary.skipped) std::cout << "  not used: " << skipped << "\n";
        return 0;
    });
}

int runReportCommand(const ReportCommandOptions& o) {
    return writeReportOf({o.runs.begin(), o.runs.end()}, o.out, o.testAccuracy);
}

}  // namespace learn2add::cli
