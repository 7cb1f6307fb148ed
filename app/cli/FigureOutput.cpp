#include "cli/FigureOutput.h"

#include <QGuiApplication>

#include "report/ReportFigures.h"
#include "report/ReportWriter.h"

namespace learn2add::cli {

void ensureGuiApplication() {
    if (QCoreApplication::instance()) return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "learn2add-cli";
    static char* argv[] = {name, nullptr};
    // Never destroyed: the process's one, until it exits.
    new QGuiApplication(argc, argv);
}

void writeFigure(const ui::ReportFigure& figure, const std::filesystem::path& path) {
    ensureGuiApplication();
    ui::writeFigurePng(figure, path);
}

}  // namespace learn2add::cli
