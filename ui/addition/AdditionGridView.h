#pragma once
// The digit-by-addend grid of ASSIGNMENT.md Part III.6, drawn as the assignment's figure: column =
// input digit 0..9, row = added value 0..9-d (top to bottom), 32 px cells with no margin inside the
// 10x10 canvas, ticks 0..9 at the cell centres, axis titles "predicted numbers" and "added
// values". Scaled up without smoothing; with a judge each cell gets a green (right) or red (wrong)
// frame and the digit read in its corner. Clicking a column emits columnClicked(digit).
// GUI thread only.
//
//   auto* view = new AdditionGridView;
//   view->showGrid(picture);
//   view->render(2).save("grid.png");   // the figure at twice the canvas's resolution

#include <QWidget>

#include "addition/AdditionViewTypes.h"

namespace learn2add::ui {

class AdditionGridView : public QWidget {
    Q_OBJECT
public:
    explicit AdditionGridView(QWidget* parent = nullptr);

    void showGrid(const GridPicture& grid);
    void setMarksVisible(bool visible);
    const GridPicture& grid() const { return grid_; }
    // The whole figure (axes included) with the canvas at `scale` x its size.
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
    QRect canvasRect(const QSize& area, const QFontMetrics& metrics) const;
    void paintFigure(QPainter& painter, const QSize& area) const;

    GridPicture grid_;
    bool marks_ = true;
};

}  // namespace learn2add::ui
