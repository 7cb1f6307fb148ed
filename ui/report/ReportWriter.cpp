#include "report/ReportWriter.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <chrono>
#include <stdexcept>

#include "common/AtomicFile.h"
#include "report/ReportFigures.h"
#include "report/ReportPdf.h"
#include "report/ReportTables.h"

namespace learn2add::ui {
namespace {

void writeSvg(const ReportFigure& figure, const std::filesystem::path& path) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(figure.size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), figure.size));
    svg.setTitle(figure.file);
    svg.setDescription(figure.caption);
    QPainter painter;
    if (!painter.begin(&svg)) throw std::runtime_error(path.string() + ": cannot paint the SVG");
    figure.paint(painter, QRectF(QPointF(0, 0), figure.size));
    painter.end();
    if (bytes.isEmpty()) throw std::runtime_error(path.string() + ": the SVG came out empty");
    writeReportFile(path, bytes);
}

void writeText(const std::filesystem::path& path, const QString& text) {
    writeReportFile(path, text.toUtf8());
}

// Each run's config.json and metrics.csv, under runs/<folder name> (suffixed when names repeat).
void copyRunFiles(const infer::ReportContents& contents, const std::filesystem::path& out) {
    std::vector<std::filesystem::path> folders;
    if (contents.judge) folders.push_back(contents.judge->folder);
    for (const auto& run : contents.autoencoders) folders.push_back(run.folder);
    for (const auto& run : contents.additions) folders.push_back(run.folder);
    std::map<QString, int> seen;
    for (const auto& folder : folders) {
        QString name = runName(folder);
        if (const int count = seen[name]++; count > 0) name += QStringLiteral("-%1").arg(count + 1);
        const std::filesystem::path target = out / "runs" / name.toStdString();
        std::filesystem::create_directories(target);
        for (const char* file : {"config.json", "metrics.csv"}) {
            if (!std::filesystem::exists(folder / file)) continue;
            QFile source(QString::fromStdString((folder / file).string()));
            if (!source.open(QIODevice::ReadOnly)) {
                throw std::runtime_error("cannot read " + (folder / file).string() + ": " +
                                         source.errorString().toStdString());
            }
            writeReportFile(target / file, source.readAll());
        }
    }
}

}  // namespace

void writeFigurePng(const ReportFigure& figure, const std::filesystem::path& path) {
    constexpr double kScale = 2.0;
    QImage image(static_cast<int>(figure.size.width() * kScale), static_cast<int>(figure.size.height() * kScale),
                 QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.scale(kScale, kScale);
        figure.paint(painter, QRectF(QPointF(0, 0), figure.size));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG")) {
        throw std::runtime_error(path.string() + ": cannot encode the PNG");
    }
    writeReportFile(path, bytes);
}

void writeReportFile(const std::filesystem::path& path, const QByteArray& bytes) {
    try {
        writeBytesAtomically(path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    } catch (const FileWriteError& e) {
        throw std::runtime_error(e.what());
    }
}

ReportSummary writeReport(const ReportRequest& request, const std::function<void(const std::string&)>& progress) {
    const auto start = std::chrono::steady_clock::now();
    const auto say = [&](const std::string& step) {
        if (progress) progress(step);
    };
    if (request.runs.empty()) throw std::runtime_error("the report needs at least one run folder");
    std::error_code error;
    std::filesystem::create_directories(request.out / "figures", error);
    if (error) throw std::runtime_error("cannot create " + (request.out / "figures").string() + ": " + error.message());

    const auto contents = std::make_shared<const infer::ReportContents>(infer::gatherReportContents(request.runs, request.measureTest, progress));
    const std::vector<ReportFigure> figures = reportFigures(contents);
    const std::vector<ReportTable> tables = reportTables(*contents);
    for (const ReportFigure& figure : figures) {
        say("figure " + figure.file.toStdString());
        writeFigurePng(figure, request.out / "figures" / (figure.file.toStdString() + ".png"));
        writeSvg(figure, request.out / "figures" / (figure.file.toStdString() + ".svg"));
    }
    copyRunFiles(*contents, request.out);
    writeText(request.out / "tables.md", tablesMarkdown(*contents, tables));
    say("report.pdf");
    writeReportPdf(request.out / "report.pdf", *contents, figures, tables);

    ReportSummary summary;
    summary.pdf = request.out / "report.pdf";
    summary.figures = static_cast<int>(figures.size());
    summary.missing = contents->missing;
    summary.skipped = contents->skipped;
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace learn2add::ui
