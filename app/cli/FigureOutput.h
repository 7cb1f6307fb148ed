#pragma once
// The CLI's figures are the report's (ui/report/ReportFigures.h), painted by the same painters and
// written as the report writes a figure's PNG (twice its natural size, atomically). No display is
// needed: fonts come from an off-screen QGuiApplication made on first use.
//
//   writeFigure(ui::additionGridFigure("grid", grid, "upsample decoder, epoch 10"), "grid.png");

#include <filesystem>

namespace learn2add::ui {
struct ReportFigure;
}

namespace learn2add::cli {

// Makes the process's QGuiApplication (platform "offscreen" unless QT_QPA_PLATFORM says
// otherwise) if there is none yet; it lives until the process ends.
void ensureGuiApplication();

// Throws std::runtime_error naming the file and the reason when it cannot be written.
void writeFigure(const ui::ReportFigure& figure, const std::filesystem::path& path);

}  // namespace learn2add::cli
