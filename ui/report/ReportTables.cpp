#include "report/ReportTables.h"

#include <algorithm>
#include <array>

#include "infer/AssignmentAnswers.h"
#include "report/ReportFigures.h"

namespace learn2add::ui {
namespace {

QString fixed(double value, int decimals) {
    return QString::number(value, 'f', decimals);
}

QString percent(double share) {
    return share < 0 ? QStringLiteral("–") : QStringLiteral("%1%").arg(100.0 * share, 0, 'f', 1);
}

double valueAtEpoch(const infer::MetricColumns& metrics, const std::string& column, int epoch) {
    const auto epochs = metrics.find("epoch");
    const auto values = metrics.find(column);
    if (epochs == metrics.end() || values == metrics.end()) return -1.0;
    for (std::size_t i = 0; i < std::min(epochs->second.size(), values->second.size()); ++i) {
        if (static_cast<int>(epochs->second[i]) == epoch) return values->second[i];
    }
    return -1.0;
}

ReportTable decoderTable(const infer::ReportContents& contents) {
    ReportTable table{2, QStringLiteral("Decoder comparison (Part II): RMSE per pixel at 32x32"),
                      {QStringLiteral("Run"), QStringLiteral("Decoder"), QStringLiteral("Loss"), QStringLiteral("Code"),
                       QStringLiteral("Epochs"), QStringLiteral("Best epoch"), QStringLiteral("Val. RMSE at best"),
                       QStringLiteral("Final train RMSE"), QStringLiteral("Val. rise after best")},
                      {}};
    auto runs = contents.autoencoders;
    std::sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) {
        return std::tie(a.loss, a.codeSize, a.bestValidationRmse) < std::tie(b.loss, b.codeSize, b.bestValidationRmse);
    });
    for (const auto& run : runs) {
        const auto& validation = run.metrics.count("validation_rmse") ? run.metrics.at("validation_rmse")
                                                                       : std::vector<double>{};
        const double rise = validation.empty() ? 0.0 : validation.back() - run.bestValidationRmse;
        table.rows.push_back({runName(run.folder), QString::fromStdString(run.decoder),
                              QString::fromStdString(run.loss).toUpper(), QString::number(run.codeSize),
                              QString::number(validation.size()), QString::number(run.bestEpoch),
                              fixed(run.bestValidationRmse, 4), fixed(run.finalTrainRmse, 4), fixed(rise, 4)});
    }
    return table;
}

ReportTable additionTable(const infer::ReportContents& contents) {
    ReportTable table{3, QStringLiteral("Addition models (Parts III and IV): accuracy read by the judge"),
                      {QStringLiteral("Model"), QStringLiteral("Run"), QStringLiteral("Decoder"), QStringLiteral("Recipe"),
                       QStringLiteral("Epochs"), QStringLiteral("Best epoch"), QStringLiteral("Val. accuracy (at best)"),
                       QStringLiteral("Test accuracy"), QStringLiteral("Test L2"), QStringLiteral("Grid")},
                      {}};
    const bool measured = std::any_of(contents.additions.begin(), contents.additions.end(),
                                      [](const auto& run) { return run.testL2 >= 0; });
    if (!measured) table.title += QStringLiteral(" (test columns: report with --test-accuracy)");
    for (const auto& run : contents.additions) {
        const auto epochs = run.metrics.count("epoch") ? run.metrics.at("epoch").size() : 0;
        const bool judged = run.grid.read[0][0] >= 0;
        table.rows.push_back({QString::fromStdString(models::displayName(run.variant)), runName(run.folder),
                              QString::fromStdString(run.decoder), QString::fromStdString(run.recipe),
                              QString::number(epochs), QString::number(run.bestEpoch),
                              percent(valueAtEpoch(run.metrics, "validation_accuracy", run.bestEpoch)),
                              run.testHeldOutAccuracy < 0
                                  ? percent(run.testAccuracy)
                                  : QStringLiteral("%1 (seen %2, held out %3)")
                                        .arg(percent(run.testAccuracy), percent(run.testSeenAccuracy),
                                             percent(run.testHeldOutAccuracy)),
                              run.testL2 < 0 ? QStringLiteral("–") : fixed(run.testL2, 4),
                              judged ? QStringLiteral("%1/55").arg(run.grid.correctCells()) : QStringLiteral("–")});
    }
    return table;
}

ReportTable fractionalTable(const infer::ReportContents& contents) {
    ReportTable table{4, QStringLiteral("Fractional addends read by the judge (test image 0 of digit 7)"),
                      {QStringLiteral("Model")}, {}};
    for (double addend : infer::kReportAddends) table.header << QStringLiteral("7 + %1").arg(addend);
    for (const auto& run : contents.additions) {
        QStringList row{QStringLiteral("%1 (%2)").arg(QString::fromStdString(models::displayName(run.variant)),
                                                     runName(run.folder))};
        for (std::size_t k = 1; k < run.fractional.size(); ++k) {
            QString cell = run.fractional[k].read >= 0 ? QString::number(run.fractional[k].read) : QStringLiteral("–");
            if (k - 1 < run.samples.size()) {
                std::array<int, 10> votes{};
                for (const auto& panel : run.samples[k - 1].panels) {
                    if (panel.caption.rfind("#", 0) == 0 && panel.read >= 0) ++votes[static_cast<std::size_t>(panel.read)];
                }
                QStringList counts;
                for (int d = 0; d < 10; ++d) {
                    if (votes[static_cast<std::size_t>(d)] > 0) counts << QStringLiteral("%1:%2").arg(d).arg(votes[static_cast<std::size_t>(d)]);
                }
                if (!counts.isEmpty()) cell += QStringLiteral(" (samples %1)").arg(counts.join(' '));
            }
            row << cell;
        }
        table.rows.push_back(row);
    }
    return table;
}

ReportTable pairTable(const infer::ReportContents& contents) {
    ReportTable table{3, QStringLiteral("Training pairs per result digit (Part III.1)"), {QStringLiteral("Result")}, {}};
    QStringList counts{QStringLiteral("Pairs")};
    for (int n = 0; n < data::kDigitClasses; ++n) {
        table.header << QString::number(n);
        std::size_t total = 0;
        for (std::size_t count : contents.pairCounts[static_cast<std::size_t>(n)]) total += count;
        counts << QString::number(total);
    }
    table.rows.push_back(counts);
    return table;
}

}  // namespace

std::vector<ReportTable> reportTables(const infer::ReportContents& contents) {
    std::vector<ReportTable> tables;
    if (!contents.autoencoders.empty()) tables.push_back(decoderTable(contents));
    tables.push_back(pairTable(contents));
    if (!contents.additions.empty()) {
        tables.push_back(additionTable(contents));
        tables.push_back(fractionalTable(contents));
    }
    return tables;
}

QString tablesMarkdown(const infer::ReportContents& contents, const std::vector<ReportTable>& tables) {
    QString text = QStringLiteral("# Learn2Add report: tables\n\nData: %1.\n")
                       .arg(QString::fromStdString(contents.dataSource));
    if (contents.judge) {
        text += QStringLiteral("Judge: %1 (test accuracy %2, %3 epochs).\n")
                    .arg(runName(contents.judge->folder), percent(contents.judge->testAccuracy))
                    .arg(contents.judge->epochs);
    }
    for (const ReportTable& table : tables) {
        text += QStringLiteral("\n## %1\n\n| %2 |\n|").arg(table.title, table.header.join(QStringLiteral(" | ")));
        for (int i = 0; i < table.header.size(); ++i) text += QStringLiteral("---|");
        text += '\n';
        for (const QStringList& row : table.rows) text += QStringLiteral("| %1 |\n").arg(row.join(QStringLiteral(" | ")));
    }
    const std::vector<infer::Answer> answers = infer::assignmentAnswers(contents);
    if (!answers.empty()) {
        text += QStringLiteral("\n## The assignment's questions, answered by the runs\n");
        for (const infer::Answer& answer : answers) {
            text += QStringLiteral("\n**%1**\n\n%2\n").arg(QString::fromStdString(answer.question),
                                                            QString::fromStdString(answer.answer));
        }
    }
    if (!contents.missing.empty()) {
        text += QStringLiteral("\n## Missing figures\n\n");
        for (const auto& missing : contents.missing) {
            text += QStringLiteral("- %1: `%2`\n").arg(QString::fromStdString(missing.figure),
                                                     QString::fromStdString(missing.command));
        }
    }
    if (!contents.skipped.empty()) {
        text += QStringLiteral("\n## Folders not used\n\n");
        for (const auto& skipped : contents.skipped) text += QStringLiteral("- %1\n").arg(QString::fromStdString(skipped));
    }
    return text;
}

}  // namespace learn2add::ui
