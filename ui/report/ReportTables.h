#pragma once
// The report's measured tables (decoder comparison, best epochs, addition accuracy per model, the
// judge's readings of the fractional addends, the pair counts), built from the gathered contents
// as text cells, for the PDF and for tables.md. Pure functions.

#include <QString>
#include <QStringList>
#include <vector>

#include "infer/ReportContents.h"

namespace learn2add::ui {

struct ReportTable {
    int part = 0;
    QString title;
    QStringList header;
    std::vector<QStringList> rows;
};

std::vector<ReportTable> reportTables(const infer::ReportContents& contents);

// The tables as Markdown, with the missing figures (and their commands) and the skipped folders.
QString tablesMarkdown(const infer::ReportContents& contents, const std::vector<ReportTable>& tables);

}  // namespace learn2add::ui
