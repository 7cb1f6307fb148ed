#include "comparison/ComparisonRunBar.h"

#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "plots/PlotColours.h"
#include "widgets/FolderDialog.h"
#include "widgets/ShortFolder.h"

namespace learn2add::ui {
namespace {

std::size_t indexOf(int slot) {
    return slot == kJudgeSlot ? kComparisonSlots : static_cast<std::size_t>(slot);
}

}  // namespace

ComparisonRunBar::ComparisonRunBar(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int slot = 0; slot < kComparisonSlots; ++slot) layout->addWidget(buildSlot(slot), 1);
    layout->addWidget(buildSlot(kJudgeSlot), 1);
}

QString ComparisonRunBar::intendedKind(int slot) {
    switch (slot) {
        case 0:
            return tr("AE + P");
        case 1:
            return tr("VAE + P");
        case 2:
            return tr("VAE + generative P");
        default:
            return tr("Judge");
    }
}

QWidget* ComparisonRunBar::buildSlot(int slot) {
    const bool judge = slot == kJudgeSlot;
    auto* frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto* swatch = new QLabel;
    swatch->setFixedSize(12, 12);
    swatch->setStyleSheet(QStringLiteral("background:%1; border-radius:6px;")
                              .arg(judge ? QStringLiteral("#444") : runColour(slot).name()));
    auto* button = new QPushButton(judge ? tr("Open judge run…") : tr("Open run…"));
    button->setToolTip(judge ? tr("A folder written by learn2add-cli train judge")
                             : tr("An addition run of any kind: learn2add-cli train addition, "
                                  "vae-addition or vae-genp-addition"));
    connect(button, &QPushButton::clicked, this, [this, slot, judge] {
        const QString folder = chooseFolder(
            this, judge ? tr("Open a judge run")
                        : tr("Open an addition run (slot %1, meant for %2)")
                              .arg(slot + 1)
                              .arg(intendedKind(slot)));
        if (!folder.isEmpty()) Q_EMIT openRequested(slot, folder);
    });
    auto* text =
        new QLabel(judge ? tr("<b>Judge</b>: none. It reads every output.")
                         : tr("<b>%1</b>: none (any kind may go here)").arg(intendedKind(slot)));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setMinimumWidth(120);
    labels_[indexOf(slot)] = text;
    buttons_[indexOf(slot)] = button;

    auto* top = new QHBoxLayout;
    top->addWidget(swatch);
    top->addWidget(button);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(text);
    return frame;
}

void ComparisonRunBar::showRun(const ComparisonRunInfo& info) {
    QLabel* text = label(info.slot);
    if (!text) return;
    text->setText(tr("<b>%1</b>: %2<br><small>%3</small>")
                      .arg(info.displayName.toHtmlEscaped(),
                           shortFolder(info.folder).toHtmlEscaped(),
                           info.description.toHtmlEscaped()));
    text->setToolTip(info.folder);
    folders_[indexOf(info.slot)] = info.folder;
}

QString ComparisonRunBar::slotFolder(int slot) const {
    if (slot != kJudgeSlot && (slot < 0 || slot >= kComparisonSlots)) return {};
    return folders_[indexOf(slot)];
}

QString ComparisonRunBar::slotText(int slot) const {
    const QLabel* text = label(slot);
    return text ? text->text() : QString();
}

QPushButton* ComparisonRunBar::openButton(int slot) const {
    if (slot != kJudgeSlot && (slot < 0 || slot >= kComparisonSlots)) return nullptr;
    return buttons_[indexOf(slot)];
}

QLabel* ComparisonRunBar::label(int slot) const {
    if (slot != kJudgeSlot && (slot < 0 || slot >= kComparisonSlots)) return nullptr;
    return labels_[indexOf(slot)];
}

}  // namespace learn2add::ui
