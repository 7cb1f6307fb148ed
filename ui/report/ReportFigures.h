#pragma once
// The report's figures, one per assignment figure that the gathered runs can draw: a file name, the
// part of the assignment it belongs to, a caption, a natural size (units = PDF points) and how to
// paint it. Painting uses only QPainter, so any thread may paint them.
//
//   for (const ReportFigure& figure : reportFigures(contents)) figure.paint(painter, rect);

#include <QSizeF>
#include <QString>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "infer/ReportContents.h"

class QPainter;
class QRectF;

namespace learn2add::ui {

struct ReportFigure {
    QString file;     // e.g. "part2-rmse-l2" (no extension)
    int part = 0;     // 2, 3 or 4
    QString caption;  // one or two sentences for the PDF
    QSizeF size;      // natural size in points
    std::function<void(QPainter&, const QRectF&)> paint;
};

// Shares `contents` (kept alive by the figures).
std::vector<ReportFigure> reportFigures(std::shared_ptr<const infer::ReportContents> contents);

// The figures the report and the CLI's commands share, described once (the caption empty):
// the digit-by-addend grid (marks where grid.read has readings), a table of digit panels (rows
// with a label; one row is a strip), the training pairs (Part III.1) and inputs above their
// reconstructions (Part II.7).
ReportFigure additionGridFigure(const QString& file, const infer::AdditionGrid& grid,
                                const QString& title, const data::HeldOutCells& heldOut = {});
ReportFigure panelTableFigure(const QString& file, const std::vector<infer::PanelRow>& rows,
                              const QString& title);
// Part III.1's training pairs (infer::pairExamples()).
ReportFigure pairExamplesFigure(const QString& file, const std::vector<infer::PanelRow>& rows);
ReportFigure reconstructionFigure(const QString& file, const train::ImageStrip& inputs,
                                  const train::ImageStrip& outputs, const QString& title);

// A run folder's last name, as figures and copied files name it.
QString runName(const std::filesystem::path& folder);

}  // namespace learn2add::ui
