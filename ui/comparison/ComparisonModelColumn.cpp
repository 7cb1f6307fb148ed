#include "comparison/ComparisonModelColumn.h"

#include <QLabel>
#include <QVBoxLayout>

#include "addition/AdditionGridView.h"
#include "comparison/ComparisonRunBar.h"
#include "comparison/LatentPathPlot.h"
#include "plots/FigureExport.h"
#include "plots/PlotColours.h"

namespace learn2add::ui {

ComparisonModelColumn::ComparisonModelColumn(int slot, QWidget* parent)
    : QWidget(parent), slot_(slot), name_(ComparisonRunBar::intendedKind(slot)) {
    title_ = new QLabel;
    title_->setTextFormat(Qt::RichText);
    accuracy_ = new QLabel(tr("Addition accuracy: —"));
    accuracy_->setWordWrap(true);
    grid_ = new AdditionGridView;
    grid_->setMinimumSize(260, 260);
    latent_ = new LatentPathPlot;
    latent_->clear(tr("Open a run to see its codes"));
    const QString model = tr("Slot %1 · %2").arg(slot + 1).arg(ComparisonRunBar::intendedKind(slot));
    makeExportable(*grid_, tr("%1: digit-by-addend grid").arg(model));
    makeExportable(*latent_, tr("%1: latent path").arg(model));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(title_);
    layout->addWidget(accuracy_);
    layout->addWidget(grid_, 1);
    layout->addWidget(latent_, 1);
    setRun({});
}

void ComparisonModelColumn::setRun(const ComparisonRunInfo& info) {
    const bool open = !info.folder.isEmpty();
    if (open) name_ = info.displayName;
    title_->setText(tr("<span style='color:%1; font-size:large'>●</span> <b>Slot %2 · %3</b>%4")
                        .arg(runColour(slot_).name())
                        .arg(slot_ + 1)
                        .arg(name_.toHtmlEscaped(), open ? QString() : tr(" (none open)")));
    accuracy_->setText(open ? tr("Addition accuracy: measuring on the test split…")
                            : tr("Addition accuracy: —"));
    grid_->showGrid({});
    latent_->clearPath();
    latent_->hideMark();
    latent_->clear(open ? tr("%1: encoding the validation split…").arg(name_)
                        : tr("Open a run to see its codes"));
}

void ComparisonModelColumn::setAccuracy(const QString& text) {
    accuracy_->setText(text);
}

void ComparisonModelColumn::showGrid(const GridPicture& grid) {
    grid_->showGrid(grid);
}

void ComparisonModelColumn::showCodes(const LatentCodes& codes) {
    latent_->showCodes(codes.codes2d, codes.labels, tr("%1: %2").arg(name_, codes.axes));
}

QString ComparisonModelColumn::accuracyText() const {
    return accuracy_->text();
}

QString ComparisonModelColumn::titleText() const {
    return title_->text();
}

}  // namespace learn2add::ui
