#pragma once
// The digit-by-addend grid of ASSIGNMENT.md Part III.6 on screen, painted by the one grid painter
// that the report and the CLI use too (report/ReportCharts.h: paintAdditionGrid): column = input
// digit 0..9, row = added value 0..9-d, the canvas scaled up without smoothing; with a judge each
// cell gets a green (right) or red (wrong) frame and the digit read in its corner. On screen it
// takes the palette's text colour and the widget's font size. Clicking a column emits
// columnClicked(digit). GUI thread only.
//
//   auto* view = new AdditionGridView;
//   view->showGrid(picture);
//   view->render(2).save("grid.png");   // the figure at twice the canvas's resolution

#include <QWidget>

#include "addition/AdditionViewTypes.h"
#include "report/ReportCharts.h"

namespace learn2add::ui {

class AdditionGridView : public QWidget {
    Q_OBJECT
public:
    explicit AdditionGridView(QWidget* parent = nullptr);

    void showGrid(const GridPicture& grid);
    void setMarksVisible(bool visible);
    const GridPicture& grid() const { return grid_; }
    // The report's figure of the grid (axes and title, white) at `scale` x its natural size.
    QImage render(int scale) const;
    // The column (digit) under a widget position, or -1.
    int columnAt(const QPoint& position) const;

    QSize sizeHint() const override { return {560, 560}; }
    QSize minimumSizeHint() const override { return {300, 300}; }

Q_SIGNALS:
    void columnClicked(int digit);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    GridReadings shownReadings() const;  // -1 everywhere when marks are hidden or not judged

    GridPicture grid_;
    bool marks_ = true;
};

}  // namespace learn2add::ui
