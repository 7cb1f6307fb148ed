#include "addition/AdditionGridPanel.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSlider>
#include <QVBoxLayout>

#include "addition/AdditionGridView.h"
#include "addition/AdditionInference.h"
#include "widgets/FolderDialog.h"

namespace learn2add::ui {

AdditionGridPanel::AdditionGridPanel(AdditionInference* inference, QWidget* parent)
    : QWidget(parent), inference_(inference) {
    connect(inference_, &AdditionInference::gridReady, this, &AdditionGridPanel::onGridReady);

    view_ = new AdditionGridView;
    connect(view_, &AdditionGridView::columnClicked, this, &AdditionGridPanel::pickForColumn);
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    reshuffle_ = new QPushButton(tr("Reshuffle"));
    // Named for the latency harness (bench/xtest-latency.py, the app's --print-widgets).
    reshuffle_->setObjectName(QStringLiteral("probe-grid-reshuffle"));
    view_->setObjectName(QStringLiteral("probe-grid"));
    reshuffle_->setToolTip(tr("A random test image for every digit"));
    connect(reshuffle_, &QPushButton::clicked, this, &AdditionGridPanel::reshuffle);
    auto* first = new QPushButton(tr("First images"));
    first->setToolTip(tr("Back to the first test image of each digit"));
    connect(first, &QPushButton::clicked, this, [this] { setInputChoices({}); });
    pick_ = new QPushButton(tr("Pick…"));
    pick_->setToolTip(tr("Choose the test image of one digit (or click its column)"));
    connect(pick_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const int digit =
            QInputDialog::getInt(this, tr("Pick an input"), tr("Column (digit):"), 0, 0, 9, 1, &ok);
        if (ok) pickForColumn(digit);
    });
    export_ = new QPushButton(tr("Export PNG…"));
    export_->setToolTip(tr("Save the grid shown, at twice its size"));
    connect(export_, &QPushButton::clicked, this, &AdditionGridPanel::chooseExportFile);
    marks_ = new QCheckBox(tr("Judge's marks"));
    marks_->setChecked(true);
    marks_->setToolTip(
        tr("Frame each cell green (read as digit + addend) or red, with the digit "
           "the judge read"));
    connect(marks_, &QCheckBox::toggled, view_, &AdditionGridView::setMarksVisible);

    step_ = new QSlider(Qt::Horizontal);
    step_->setRange(0, 0);
    step_->setEnabled(false);
    step_->setToolTip(tr("Scrub back through the grids drawn after each training epoch"));
    stepLabel_ = new QLabel(tr("Current model"));
    connect(step_, &QSlider::valueChanged, this, &AdditionGridPanel::showStep);

    auto* buttons = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{reshuffle_, first, pick_, export_, marks_})
        buttons->addWidget(w);
    buttons->addStretch(1);
    auto* steps = new QHBoxLayout;
    steps->addWidget(new QLabel(tr("Training step")));
    steps->addWidget(step_, 1);
    steps->addWidget(stepLabel_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(view_, 1);
    layout->addLayout(steps);
    layout->addWidget(summary_);
    showStep();
}

void AdditionGridPanel::setData(std::shared_ptr<const LoadedData> data) {
    data_ = std::move(data);
    setInputChoices({});
}

void AdditionGridPanel::setInputChoices(const std::array<int, kGridDigits>& choices) {
    choices_ = choices;
    requestGrid();
}

void AdditionGridPanel::reshuffle() {
    if (!data_) return;
    std::array<int, kGridDigits> choices{};
    for (int d = 0; d < kGridDigits; ++d) {
        const auto count = static_cast<int>(data_->mnist.test.indicesOf(d).size());
        choices[static_cast<std::size_t>(d)] =
            count > 0 ? QRandomGenerator::global()->bounded(count) : 0;
    }
    setInputChoices(choices);
}

void AdditionGridPanel::pickForColumn(int digit) {
    if (!data_ || digit < 0 || digit >= kGridDigits) return;
    const int count = static_cast<int>(data_->mnist.test.indicesOf(digit).size());
    if (count == 0) return;
    bool ok = false;
    const int index =
        QInputDialog::getInt(this, tr("Pick the input of column %1").arg(digit),
                             tr("Which test image of digit %1 (0 … %2):").arg(digit).arg(count - 1),
                             choices_[static_cast<std::size_t>(digit)], 0, count - 1, 1, &ok);
    if (!ok) return;
    auto choices = choices_;
    choices[static_cast<std::size_t>(digit)] = index;
    setInputChoices(choices);
}

void AdditionGridPanel::refresh() {
    requestGrid();
}

void AdditionGridPanel::requestGrid() {
    if (!data_ || !inference_->hasModel()) return;
    std::array<AdditionInput, kGridDigits> inputs;
    for (int d = 0; d < kGridDigits; ++d) {
        // The test split normally has every digit; fall back to validation, then train.
        for (const data::DigitSet* set :
             {&data_->mnist.test, &data_->mnist.validation, &data_->mnist.train}) {
            const auto indices = set->indicesOf(d);
            if (indices.empty()) continue;
            const auto k = std::min<std::size_t>(
                static_cast<std::size_t>(choices_[static_cast<std::size_t>(d)]),
                indices.size() - 1);
            inputs[static_cast<std::size_t>(d)] = AdditionInput::fromDigitSet(*set, indices[k]);
            break;
        }
        if (inputs[static_cast<std::size_t>(d)].empty()) return;
    }
    gridRequest_ = inference_->requestGrid(std::move(inputs));
}

void AdditionGridPanel::onGridReady(quint64 sequence, const GridPicture& grid) {
    if (sequence != gridRequest_) return;
    current_ = grid;
    if (showsCurrentModel()) showStep();
}

bool AdditionGridPanel::showsCurrentModel() const {
    return step_->value() == step_->maximum();
}

void AdditionGridPanel::addEpochGrid(const GridPicture& grid) {
    const bool followLatest = showsCurrentModel();
    history_.push_back(grid);
    step_->setEnabled(true);
    step_->setRange(1, static_cast<int>(history_.size()) + 1);
    if (followLatest) step_->setValue(step_->maximum());
    showStep();
}

void AdditionGridPanel::clearHistory() {
    history_.clear();
    step_->setRange(0, 0);
    step_->setEnabled(false);
    showStep();
}

void AdditionGridPanel::showStep() {
    const GridPicture* shown = &current_;
    QString where = tr("current model, your inputs");
    if (!history_.empty() && !showsCurrentModel()) {
        const auto k = static_cast<std::size_t>(
            std::clamp(step_->value(), 1, static_cast<int>(history_.size())) - 1);
        shown = &history_[k];
        where = tr("after epoch %1 (fixed test inputs)").arg(shown->epoch);
    }
    stepLabel_->setText(history_.empty() ? tr("no training yet") : where);
    view_->showGrid(*shown);
    if (shown->canvas.isNull()) {
        summary_->setText(tr("Open an addition run or train one to see its grid."));
    } else if (shown->judged) {
        summary_->setText(tr("%1: the judge reads %2 of 55 cells as digit + added value (green "
                             "frame); red frames show what it read instead.")
                              .arg(where)
                              .arg(shown->correct));
    } else {
        summary_->setText(tr("%1. Open a judge run to mark each cell right or wrong.").arg(where));
    }
}

bool AdditionGridPanel::exportPng(const QString& file, QString* error) {
    if (view_->grid().canvas.isNull()) {
        if (error) *error = tr("there is no grid to export yet");
        return false;
    }
    if (!view_->render(2).save(file, "PNG")) {
        if (error) *error = tr("could not write %1").arg(file);
        return false;
    }
    return true;
}

void AdditionGridPanel::chooseExportFile() {
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export the grid"), QDir(lastDialogFolder()).filePath("addition-grid.png"),
        tr("PNG images (*.png)"));
    if (file.isEmpty()) return;
    rememberDialogFolder(file);
    QString error;
    if (exportPng(file, &error)) {
        Q_EMIT message(tr("Saved the grid to %1").arg(file), false);
    } else {
        Q_EMIT message(tr("Could not export the grid: %1").arg(error), true);
    }
}

}  // namespace learn2add::ui
