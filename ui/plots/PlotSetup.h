#pragma once
// What every interactive plot of the window sets up alike: exportable under a name (the toolbar's
// Export figure, the context menu: plots/FigureExport.h) and a bold title row on top. The figures
// of the report and the CLI are painted by report/ReportCharts.h; these QCustomPlot widgets are
// the screen's interactive views of the same data.
//
//   title_ = setUpPlot(*this, tr("Training curves"), tr("Loss"));

#include <QString>

class QCPTextElement;
class QCustomPlot;

namespace learn2add::ui {

// Returns the title element (its text may be changed later).
QCPTextElement* setUpPlot(QCustomPlot& plot, const QString& exportName, const QString& title = {});

}  // namespace learn2add::ui
