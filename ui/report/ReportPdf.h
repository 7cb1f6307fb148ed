#pragma once
// Lays the report out as an A4 PDF: a title page with the data, the judge and the missing
// figures (each with the command that makes its run), then Parts II, III and IV, each with its
// tables and its figures (vector graphics) and their captions. QPainter only: any thread.

#include <filesystem>
#include <vector>

#include "infer/ReportContents.h"
#include "report/ReportFigures.h"
#include "report/ReportTables.h"

namespace learn2add::ui {

// Throws std::runtime_error when the file cannot be written (written beside it first, then renamed).
void writeReportPdf(const std::filesystem::path& path, const infer::ReportContents& contents,
                    const std::vector<ReportFigure>& figures, const std::vector<ReportTable>& tables);

}  // namespace learn2add::ui
