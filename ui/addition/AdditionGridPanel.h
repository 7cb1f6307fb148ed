#pragma once
// The grid tab of the Addition page: the judge-marked digit-by-addend grid of the current model on
// chosen input images (the first test image of each digit by default; "Reshuffle" draws a random
// test image per digit; "Pick…" or a click on a column chooses one), a step slider that scrubs
// back through the grids a training drew after each epoch, and PNG export at twice the size.
//
// Threads: GUI thread only; the grid is computed by the AdditionInference (latest request wins).
//
//   auto* grid = new AdditionGridPanel(inference);
//   grid->setData(data);
//   grid->refresh();                      // after the model changed
//   grid->addEpochGrid(report.grid);      // from a training

#include <QWidget>
#include <array>
#include <memory>
#include <vector>

#include "addition/AdditionViewTypes.h"
#include "data/LoadedData.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QSlider;

namespace learn2add::ui {

class AdditionGridView;
class AdditionInference;

class AdditionGridPanel : public QWidget {
    Q_OBJECT
public:
    explicit AdditionGridPanel(AdditionInference* inference, QWidget* parent = nullptr);

    void setData(std::shared_ptr<const LoadedData> data);
    void refresh();
    // Positions among the test images of each digit (0 = the first).
    void setInputChoices(const std::array<int, kGridDigits>& choices);
    const std::array<int, kGridDigits>& inputChoices() const { return choices_; }
    void reshuffle();
    // Asks for the index of the column's test image (a dialog), then uses it.
    void pickForColumn(int digit);
    void addEpochGrid(const GridPicture& grid);
    void clearHistory();
    // Writes the shown grid at twice its size; returns false (and says why) when it cannot.
    bool exportPng(const QString& file, QString* error = nullptr);

    // Exposed for tests and screenshots.
    AdditionGridView* view() const { return view_; }
    QSlider* stepSlider() const { return step_; }
    QPushButton* reshuffleButton() const { return reshuffle_; }
    QPushButton* exportButton() const { return export_; }
    const std::vector<GridPicture>& history() const { return history_; }
    bool showsCurrentModel() const;

Q_SIGNALS:
    void message(QString text, bool error);

private:
    void requestGrid();
    void onGridReady(quint64 sequence, const GridPicture& grid);
    void showStep();
    void chooseExportFile();

    AdditionInference* inference_;
    std::shared_ptr<const LoadedData> data_;
    std::array<int, kGridDigits> choices_{};
    quint64 gridRequest_ = 0;
    GridPicture current_;
    std::vector<GridPicture> history_;

    AdditionGridView* view_ = nullptr;
    QLabel* summary_ = nullptr;
    QSlider* step_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QPushButton* reshuffle_ = nullptr;
    QPushButton* pick_ = nullptr;
    QPushButton* export_ = nullptr;
    QCheckBox* marks_ = nullptr;
};

}  // namespace learn2add::ui
