#include "report/ReportFigures.h"

#include <QPainter>
#include <algorithm>
#include <limits>

#include "plots/PlotColours.h"
#include "report/ReportCharts.h"

namespace learn2add::ui {
namespace {

using Contents = std::shared_ptr<const infer::ReportContents>;

constexpr double kChartWidth = 500.0;
constexpr double kChartHeight = 290.0;
constexpr double kPanel = 44.0;

QString loudLoss(const std::string& loss) {
    return QString::fromStdString(loss).toUpper();
}

QString variantName(const infer::AdditionReport& run) {
    return QString::fromStdString(models::displayName(run.variant));
}

std::vector<QPointF> seriesOf(const infer::MetricColumns& metrics, const std::string& column) {
    std::vector<QPointF> points;
    const auto epochs = metrics.find("epoch");
    const auto values = metrics.find(column);
    if (epochs == metrics.end() || values == metrics.end()) return points;
    for (std::size_t i = 0; i < std::min(epochs->second.size(), values->second.size()); ++i) {
        points.emplace_back(epochs->second[i], values->second[i]);
    }
    return points;
}

bool allZero(const std::vector<QPointF>& points) {
    return std::all_of(points.begin(), points.end(), [](const QPointF& p) { return p.y() == 0.0; });
}

void addRmseCurves(std::vector<ReportFigure>& figures, const Contents& contents) {
    for (const std::string loss : {"l2", "bce"}) {
        ChartSpec chart{QStringLiteral("RMSE per pixel with the %1 loss (solid: validation, dashed: train)")
                            .arg(loudLoss(loss)),
                        QStringLiteral("epoch"), QStringLiteral("RMSE per pixel (32x32)"), {}, false, true, {}, {}};
        int colour = 0;
        for (const auto& run : contents->autoencoders) {
            if (run.loss != loss) continue;
            const QString name = QStringLiteral("%1, code %2").arg(QString::fromStdString(run.decoder)).arg(run.codeSize);
            ChartSeries validation{name, seriesOf(run.metrics, "validation_rmse"), runColour(colour), false, {}};
            if (run.bestEpoch > 0) validation.marker = QPointF(run.bestEpoch, run.bestValidationRmse);
            chart.series.push_back(validation);
            chart.series.push_back({QString(), seriesOf(run.metrics, "train_rmse"), runColour(colour), true, {}});
            ++colour;
        }
        if (colour == 0) continue;
        figures.push_back({QStringLiteral("part2-rmse-%1").arg(QString::fromStdString(loss)), 2,
                           QStringLiteral("Train and validation RMSE per pixel of every autoencoder run trained "
                                          "with the %1 loss; the dot marks each run's best validation epoch "
                                          "(the epoch of best.pt).").arg(loudLoss(loss)),
                           QSizeF(kChartWidth, kChartHeight),
                           [chart](QPainter& p, const QRectF& r) { paintChart(p, r, chart); }});
    }
}

std::vector<infer::PanelRow> stripRows(const train::ImageStrip& inputs, const train::ImageStrip& outputs) {
    std::vector<infer::PanelRow> rows{{"input", {}}, {"reconstruction", {}}};
    const auto pixels = static_cast<std::size_t>(inputs.size) * inputs.size;
    for (int i = 0; i < inputs.count && inputs.size == 32; ++i) {
        const auto begin = static_cast<std::ptrdiff_t>(pixels * static_cast<std::size_t>(i));
        const auto end = begin + static_cast<std::ptrdiff_t>(pixels);
        rows[0].panels.push_back({"", {inputs.pixels.begin() + begin, inputs.pixels.begin() + end}, -1});
        rows[1].panels.push_back({"", {outputs.pixels.begin() + begin, outputs.pixels.begin() + end}, -1});
    }
    return rows;
}

void addReconstructions(std::vector<ReportFigure>& figures, const Contents& contents) {
    for (const std::string loss : {"l2", "bce"}) {
        for (int code : {2, 7}) {
            const infer::AutoencoderReport* best = nullptr;
            for (const auto& run : contents->autoencoders) {
                if (run.loss != loss || run.codeSize != code || run.inputs.count == 0) continue;
                if (!best || run.bestValidationRmse < best->bestValidationRmse) best = &run;
            }
            if (!best) continue;
            const QString title = QStringLiteral("%1 decoder, %2, code %3")
                                      .arg(QString::fromStdString(best->decoder), loudLoss(loss))
                                      .arg(code);
            ReportFigure figure = reconstructionFigure(
                QStringLiteral("part2-reconstructions-%1-code%2").arg(QString::fromStdString(loss)).arg(code),
                best->inputs, best->reconstructions, title);
            figure.part = 2;
            figure.caption = QStringLiteral("Five fixed validation digits and their reconstructions by the best "
                                            "%1 run with code size %2 (%3, validation RMSE %4).")
                                 .arg(loudLoss(loss)).arg(code).arg(runName(best->folder))
                                 .arg(best->bestValidationRmse, 0, 'f', 4);
            figures.push_back(std::move(figure));
        }
    }
}

void addPairFigures(std::vector<ReportFigure>& figures, const Contents& contents) {
    ReportFigure pairs = pairExamplesFigure(QStringLiteral("part3-pair-samples"), contents->pairExamples);
    pairs.part = 3;
    pairs.caption = QStringLiteral("Addition pairs of the training split (input image, addend, expected output "
                                   "image), taken across the results; data: %1.")
                        .arg(QString::fromStdString(contents->dataSource));
    figures.push_back(std::move(pairs));
    BarSpec bars{QStringLiteral("Pairs per result digit, stacked by addend"), QStringLiteral("result digit (input + addend)"),
                 QStringLiteral("pairs"), {}, {}, {}};
    for (int d = 0; d < data::kDigitClasses; ++d) {
        bars.categories << QString::number(d);
        bars.layers << QStringLiteral("+%1").arg(d);
        std::vector<double> stack;
        for (std::size_t count : contents->pairCounts[static_cast<std::size_t>(d)]) stack.push_back(static_cast<double>(count));
        bars.values.push_back(stack);
    }
    figures.push_back({QStringLiteral("part3-pair-distribution"), 3,
                       QStringLiteral("Distribution of the training pairs' results: result n gets n + 1 groups "
                                      "(one per input digit 0..n), so the set is not balanced (largest / smallest "
                                      "count %1).").arg(contents->pairImbalance, 0, 'f', 2),
                       QSizeF(kChartWidth, kChartHeight),
                       [bars](QPainter& p, const QRectF& r) { paintStackedBars(p, r, bars); }});
}

void addAdditionRunFigures(std::vector<ReportFigure>& figures, const infer::AdditionReport& run) {
    const int part = run.variant == models::AdditionVariant::Autoencoder ? 3 : 4;
    const QString name = runName(run.folder);
    const QString label = QStringLiteral("%1 (%2)").arg(variantName(run), name);
    const auto fileOf = [&](const char* what) { return QStringLiteral("part%1-%2-%3").arg(part).arg(name).arg(what); };

    ChartSpec chart{QStringLiteral("%1: loss terms").arg(label),
                    QStringLiteral("epoch"), QStringLiteral("loss (log scale)"), {}, true, true, {}, {}};
    int colour = 0;
    for (const std::string term : {"loss", "reconstruction", "generation", "code", "kl", "digit"}) {
        const auto validation = seriesOf(run.metrics, "validation_" + term);
        const auto train = seriesOf(run.metrics, "train_" + term);
        if (validation.empty() || allZero(validation)) continue;
        const QString title = term == "loss" ? QStringLiteral("total") : QString::fromStdString(term);
        chart.series.push_back({title, validation, runColour(colour), false, {}});
        chart.series.push_back({QString(), train, runColour(colour), true, {}});
        ++colour;
    }
    if (colour > 0) {
        figures.push_back({fileOf("loss-terms"), part,
                           QStringLiteral("%1: every loss term per epoch, validation solid and train dashed (log "
                                          "scale; the best epoch, kept in best.pt, is %2).").arg(label).arg(run.bestEpoch),
                           QSizeF(kChartWidth, kChartHeight),
                           [chart](QPainter& p, const QRectF& r) { paintChart(p, r, chart); }});
    }
    const auto grid = run.grid;
    const bool judged = grid.read[0][0] >= 0;
    const QString gridTitle = judged ? QStringLiteral("%1: %2/55 read right").arg(variantName(run)).arg(grid.correctCells())
                                     : label;
    ReportFigure gridFigure = additionGridFigure(fileOf("grid"), grid, gridTitle, run.heldOut);
    gridFigure.part = part;
    gridFigure.caption = QStringLiteral("%1: the digit-by-addend grid (column: input digit, row: addend)%2.")
                             .arg(label, judged ? QStringLiteral("; each cell is framed green when the judge reads "
                                                                 "digit + addend, red otherwise, with its reading")
                                                : QString());
    figures.push_back(std::move(gridFigure));
    const std::vector<infer::PanelRow> strip{{variantName(run).toStdString(), run.fractional}};
    figures.push_back({fileOf("fractional"), part,
                       QStringLiteral("%1: test image 0 of digit 7 plus 1, 2, 1.5, 1.4 and 1.6, with the judge's "
                                      "reading of each output.").arg(label),
                       panelTableSize(strip, kPanel),
                       [strip](QPainter& p, const QRectF& r) {
                           paintPanelTable(p, r, strip, QStringLiteral("Fractional addends"));
                       }});
    if (!run.samples.empty()) {
        const auto rows = run.samples;
        figures.push_back({fileOf("samples"), part,
                           QStringLiteral("%1: 8 samples of the generative P per addend (seeded), their mean "
                                          "and their standard deviation (scaled to its maximum), with the "
                                          "judge's readings.").arg(label),
                           panelTableSize(rows, kPanel),
                           [rows, label](QPainter& p, const QRectF& r) {
                               paintPanelTable(p, r, rows, label + QStringLiteral(": samples"));
                           }});
    }
}

void addComparison(std::vector<ReportFigure>& figures, const Contents& contents) {
    if (contents->additions.size() < 2) return;
    std::vector<infer::PanelRow> rows;
    ChartSpec chart{QStringLiteral("7 + u read by the judge (expected digit)"), QStringLiteral("addend u"),
                    QStringLiteral("judge's expected digit"), {}, false, false, 6.5, 9.8};
    chart.series.push_back({QStringLiteral("exact 7 + u"), {{0.0, 7.0}, {2.5, 9.5}}, QColor(150, 150, 150), true, {}});
    int colour = 0;
    for (const auto& run : contents->additions) {
        rows.push_back({variantName(run).toStdString(), run.fractional});
        std::vector<QPointF> points;
        for (std::size_t i = 0; i < run.sweepAddends.size(); ++i) points.emplace_back(run.sweepAddends[i], run.expectedDigit[i]);
        if (!points.empty()) chart.series.push_back({QStringLiteral("%1 (%2)").arg(variantName(run), runName(run.folder)),
                                                     points, runColour(colour), false, {}});
        ++colour;
    }
    figures.push_back({QStringLiteral("part4-comparison"), 4,
                       QStringLiteral("The addition models side by side on the same input (test image 0 of digit "
                                      "7) and addends; each output as the judge reads it."),
                       panelTableSize(rows, kPanel),
                       [rows](QPainter& p, const QRectF& r) {
                           paintPanelTable(p, r, rows, QStringLiteral("The models on the same inputs"));
                       }});
    if (chart.series.size() > 1) {
        figures.push_back({QStringLiteral("part4-transition"), 4,
                           QStringLiteral("How each model's output moves from 7 to 9 as the addend sweeps 0..2.5 "
                                          "in steps of 0.05: the judge's expected digit (sum of p(k) k). A step "
                                          "means the model snaps to a digit; a ramp means it blends."),
                           QSizeF(kChartWidth, kChartHeight),
                           [chart](QPainter& p, const QRectF& r) { paintChart(p, r, chart); }});
    }
}

}  // namespace

ReportFigure additionGridFigure(const QString& file, const infer::AdditionGrid& grid,
                                const QString& title, const data::HeldOutCells& heldOut) {
    const QImage canvas = gridCanvasImage(grid);
    const GridReadings read = grid.read;
    return {file, 0, QString(), QSizeF(360.0, 390.0),
            [canvas, read, title, heldOut](QPainter& p, const QRectF& r) {
                paintAdditionGrid(p, r, canvas, read, title, FigureInk{}, heldOut);
            }};
}

ReportFigure panelTableFigure(const QString& file, const std::vector<infer::PanelRow>& rows,
                              const QString& title) {
    return {file, 0, QString(), panelTableSize(rows, kPanel),
            [rows, title](QPainter& p, const QRectF& r) { paintPanelTable(p, r, rows, title); }};
}

ReportFigure pairExamplesFigure(const QString& file, const std::vector<infer::PanelRow>& rows) {
    return panelTableFigure(file, rows, QStringLiteral("Training pairs: input + addend = expected"));
}

ReportFigure reconstructionFigure(const QString& file, const train::ImageStrip& inputs,
                                  const train::ImageStrip& outputs, const QString& title) {
    return panelTableFigure(file, stripRows(inputs, outputs), title);
}

QString runName(const std::filesystem::path& folder) {
    std::filesystem::path path = folder;
    if (!path.has_filename()) path = path.parent_path();
    QString name = QString::fromStdString(path.filename().string());
    for (QChar& c : name) {
        if (!c.isLetterOrNumber() && c != '-' && c != '_' && c != '.') c = '_';
    }
    return name.isEmpty() ? QStringLiteral("run") : name;
}

std::vector<ReportFigure> reportFigures(std::shared_ptr<const infer::ReportContents> contents) {
    std::vector<ReportFigure> figures;
    addRmseCurves(figures, contents);
    addReconstructions(figures, contents);
    addPairFigures(figures, contents);
    for (const auto& run : contents->additions) addAdditionRunFigures(figures, run);
    addComparison(figures, contents);
    // Part III figures of AE + P runs before Part IV's, keeping each part's order.
    std::stable_sort(figures.begin(), figures.end(),
                     [](const ReportFigure& a, const ReportFigure& b) { return a.part < b.part; });
    // File names are unique: a second run with the same folder name gets a suffix.
    std::map<QString, int> seen;
    for (ReportFigure& figure : figures) {
        const int count = seen[figure.file]++;
        if (count > 0) figure.file += QStringLiteral("-%1").arg(count + 1);
    }
    return figures;
}

}  // namespace learn2add::ui
