#pragma once
// The "report" action (GUI File > Export report…, `learn2add-cli report`): from run folders, writes
//   <out>/report.pdf          every figure with its caption, the measured tables, what is missing
//   <out>/figures/*.png|svg   each figure as PNG (2x) and SVG
//   <out>/tables.md           the tables, the missing figures with their commands
//   <out>/runs/<name>/        each run's config.json and metrics.csv
//
//   ReportSummary summary = writeReport({{"runs"}, "report"}, [](const std::string& step) { ... });
//
// Needs a QGuiApplication (fonts); paints with QPainter only, so it may run on a worker thread.
// Throws std::runtime_error with a message naming the file when something cannot be written. Every
// file is made in memory and written whole by the checked atomic writer (common/AtomicFile.h): a
// full disk leaves the previous file and no temporary file.

#include <QByteArray>
#include <QString>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "infer/ReportContents.h"

namespace learn2add::ui {

struct ReportRequest {
    std::vector<std::filesystem::path> runs;  // run folders, or folders of runs
    std::filesystem::path out;
    bool measureTest = false;  // see infer::gatherReportContents
};

struct ReportSummary {
    std::filesystem::path pdf;
    int figures = 0;
    std::vector<infer::MissingFigure> missing;
    std::vector<std::string> skipped;
    double seconds = 0.0;
};

ReportSummary writeReport(const ReportRequest& request, const std::function<void(const std::string&)>& progress);

struct ReportFigure;

// One figure as a PNG at twice its natural size, as the report writes them (the CLI's figure
// commands too). Needs a QGuiApplication (fonts); std::runtime_error naming the file on failure.
void writeFigurePng(const ReportFigure& figure, const std::filesystem::path& path);

// Writes `bytes` to `path` atomically; std::runtime_error naming the file and the reason on failure.
void writeReportFile(const std::filesystem::path& path, const QByteArray& bytes);

}  // namespace learn2add::ui
