#pragma once
// What the Compare page computes once per model, in a column: its name, its addition accuracy on
// the test split, its digit-by-addend grid (on the first test image of each digit, judge-marked)
// and its latent plane with P's path for the current input. GUI thread only.
//
//   auto* column = new ComparisonModelColumn(1);
//   column->setRun(info);
//   column->showGrid(grid.grid);
//   column->latentPlot()->showCodes(codes.codes2d, codes.labels, codes.axes);

#include <QWidget>

#include "comparison/ComparisonViewTypes.h"

class QLabel;

namespace learn2add::ui {

class AdditionGridView;
class LatentPathPlot;

class ComparisonModelColumn : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonModelColumn(int slot, QWidget* parent = nullptr);

    void setRun(const ComparisonRunInfo& info);
    void setAccuracy(const QString& text);
    void showGrid(const GridPicture& grid);
    void showCodes(const LatentCodes& codes);

    QString accuracyText() const;
    QString titleText() const;
    AdditionGridView* gridView() const { return grid_; }
    LatentPathPlot* latentPlot() const { return latent_; }

private:
    int slot_;
    QString name_;
    QLabel* title_ = nullptr;
    QLabel* accuracy_ = nullptr;
    AdditionGridView* grid_ = nullptr;
    LatentPathPlot* latent_ = nullptr;
};

}  // namespace learn2add::ui
