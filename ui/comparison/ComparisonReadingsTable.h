#pragma once
// The judge's numbers for the compared models, one column per model: its addition accuracy, its
// reading of the current input + addend (the slider), and of the fixed strip (input + 1, 2, 1.5,
// 1.4, 1.6), each as "digit read · expected digit" (the expected digit sum_d p_d * d shows where a
// fractional addend lands between two digits). Headers change only with the input or the models,
// never during a drag. GUI thread only.
//
//   table->setModel(0, "AE + P");
//   table->showStrip(0, 7, study.strip, study.stripExpected);
//   table->showCurrent(0, view.read, view.expectedDigit);

#include <QTableWidget>

#include "addition/AdditionViewTypes.h"
#include "comparison/ComparisonViewTypes.h"

namespace learn2add::ui {

class ComparisonReadingsTable : public QTableWidget {
    Q_OBJECT
public:
    static constexpr int kAccuracyRow = 0, kCurrentRow = 1, kFirstStripRow = 2, kStripRows = 5;

    explicit ComparisonReadingsTable(QWidget* parent = nullptr);

    void setModel(int slot, const QString& name);
    void setAccuracy(int slot, const QString& text);
    // `digit` < 0 for an input of unknown digit.
    void showStrip(int slot, int digit, const std::vector<StudyTile>& strip,
                   const std::vector<double>& expected);
    void showCurrent(int slot, int read, double expected);
    QString cellText(int slot, int row) const;

private:
    void setCell(int slot, int row, const QString& text);
    void setRowTitle(int row, const QString& title);
};

}  // namespace learn2add::ui
