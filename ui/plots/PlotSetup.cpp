#include "plots/PlotSetup.h"

#include <qcustomplot.h>

#include "plots/FigureExport.h"

namespace learn2add::ui {

QCPTextElement* setUpPlot(QCustomPlot& plot, const QString& exportName, const QString& title) {
    makeExportable(plot, exportName);
    plot.plotLayout()->insertRow(0);
    auto* element = new QCPTextElement(
        &plot, title, QFont(plot.font().family(), plot.font().pointSize(), QFont::Bold));
    plot.plotLayout()->addElement(0, 0, element);
    return element;
}

}  // namespace learn2add::ui
