#include "comparison/ComparisonModelRow.h"

#include <QGridLayout>
#include <QLabel>
#include <algorithm>

#include "comparison/ComparisonRunBar.h"
#include "plots/FigureExport.h"
#include "plots/PlotColours.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

constexpr int kStripTiles = 5;
constexpr int kMaxSampleColumns = 8;

QLabel* heading(const QString& text) {
    auto* label = new QLabel(text);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setStyleSheet(QStringLiteral("color:#555"));
    return label;
}

QString readCaption(int read) {
    return read >= 0 ? QStringLiteral("→%1").arg(read) : QString();
}

}  // namespace

ComparisonModelRow::ComparisonModelRow(int slot, QWidget* parent) : QGroupBox(parent), slot_(slot) {
    setStyleSheet(QStringLiteral("QGroupBox { font-weight: bold; } QGroupBox::title { color: %1; }")
                      .arg(runColour(slot).darker(120).name()));
    mean_ = new DigitMosaic(1);
    samples_ = new DigitMosaic(kMaxSampleColumns);
    statistics_ = new DigitMosaic(2);
    strip_ = new DigitMosaic(kStripTiles);
    const QString model = tr("Slot %1 · %2").arg(slot + 1).arg(ComparisonRunBar::intendedKind(slot));
    makeExportable(*mean_, tr("%1: mean output").arg(model));
    makeExportable(*samples_, tr("%1: samples").arg(model));
    makeExportable(*statistics_, tr("%1: samples' mean and σ").arg(model));
    makeExportable(*strip_, tr("%1: fixed strip").arg(model));
    samplesTitle_ = heading(tr("K samples (→ judge)"));
    deterministicNote_ = new QLabel(tr("Deterministic: the mean-mode output is its only output."));
    deterministicNote_->setStyleSheet(QStringLiteral("color:#777"));
    deterministicNote_->setWordWrap(true);
    deterministicNote_->hide();

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setVerticalSpacing(2);
    layout->addWidget(heading(tr("mean output")), 0, 0);
    layout->addWidget(samplesTitle_, 0, 1);
    layout->addWidget(heading(tr("samples' mean · σ")), 0, 2);
    layout->addWidget(heading(tr("the fixed strip")), 0, 3);
    layout->addWidget(mean_, 1, 0);
    layout->addWidget(samples_, 1, 1);
    layout->addWidget(deterministicNote_, 1, 1, 1, 2);
    layout->addWidget(statistics_, 1, 2);
    layout->addWidget(strip_, 1, 3);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, kMaxSampleColumns);
    layout->setColumnStretch(2, 2);
    layout->setColumnStretch(3, kStripTiles);
    layout->setRowStretch(1, 1);
    setRun({});
}

void ComparisonModelRow::setRun(const ComparisonRunInfo& info) {
    hasRun_ = !info.folder.isEmpty();
    variational_ = info.variational;
    name_ = hasRun_ ? info.displayName
                    : tr("%1 (none open)").arg(ComparisonRunBar::intendedKind(slot_));
    accuracy_ = hasRun_ ? tr("accuracy: measuring…") : QString();
    updateTitle();
    setToolTip(info.folder);
    samples_->setVisible(!hasRun_ || variational_);
    statistics_->setVisible(!hasRun_ || variational_);
    samplesTitle_->setVisible(!hasRun_ || variational_);
    deterministicNote_->setVisible(hasRun_ && !variational_);
    samples_->setTiles({});
    statistics_->setTiles({});
    mean_->setTiles({});
    strip_->setTiles({});
}

void ComparisonModelRow::updateTitle() {
    setTitle(accuracy_.isEmpty() ? tr("Slot %1 · %2").arg(slot_ + 1).arg(name_)
                                 : tr("Slot %1 · %2 · %3").arg(slot_ + 1).arg(name_, accuracy_));
}

void ComparisonModelRow::setAccuracy(const QString& text) {
    accuracy_ = text;
    updateTitle();
}

QString ComparisonModelRow::accuracyText() const {
    return accuracy_;
}

void ComparisonModelRow::setSampleCount(int samples) {
    samples_->setColumns(std::clamp(samples, 1, kMaxSampleColumns));
}

void ComparisonModelRow::showView(const ModelView& view, double spreadScale,
                                  const QString& inputName, double addend) {
    ++viewsShown_;
    mean_->setTiles({{view.mean, readCaption(view.read)}});
    mean_->setToolTip(view.read >= 0 ? tr("%1 + %2: the judge reads %3 (p = %4); expected digit %5")
                                           .arg(inputName)
                                           .arg(addend, 0, 'f', 2)
                                           .arg(view.read)
                                           .arg(view.readProbability, 0, 'f', 2)
                                           .arg(view.expectedDigit, 0, 'f', 2)
                                     : tr("%1 + %2; open a judge run to read the outputs")
                                           .arg(inputName)
                                           .arg(addend, 0, 'f', 2));
    if (!variational_) return;
    std::vector<DigitMosaic::Tile> tiles;
    for (std::size_t k = 0; k < view.samples.size(); ++k) {
        tiles.push_back(
            {view.samples[k], readCaption(k < view.sampleReads.size() ? view.sampleReads[k] : -1)});
    }
    samples_->setTiles(std::move(tiles));
    statistics_->setTiles({{view.sampleMean, tr("mean")},
                           {view.sampleSpread, tr("σ ≤ %1").arg(spreadScale, 0, 'f', 2)}});
    statistics_->setToolTip(tr("Per-pixel standard deviation of the %1 samples: white = %2 (shared "
                               "by every row), mean over the pixels %3")
                                .arg(view.samples.size())
                                .arg(spreadScale, 0, 'f', 3)
                                .arg(view.spreadMean, 0, 'f', 3));
}

void ComparisonModelRow::showStudy(const ModelStudy& study) {
    std::vector<DigitMosaic::Tile> tiles;
    for (const StudyTile& tile : study.strip) {
        QString caption = QStringLiteral("+%1").arg(tile.addend, 0, 'g', 3);
        if (tile.read >= 0) caption += QStringLiteral("→%1").arg(tile.read);
        tiles.push_back({tile.image, caption});
    }
    strip_->setTiles(std::move(tiles));
}

}  // namespace learn2add::ui
