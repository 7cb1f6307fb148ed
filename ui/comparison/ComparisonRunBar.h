#pragma once
// The Compare page's four run slots: three addition models (meant for AE + P, VAE + P and
// VAE + generative P, though any kind goes in any slot) and the judge. Each has an "Open run…"
// button (a folder dialog) and a label with what is open: the model's kind by its display name and
// its folder. GUI thread only.
//
//   auto* bar = new ComparisonRunBar;
//   connect(bar, &ComparisonRunBar::openRequested, inference, &ComparisonInference::openRun);
//   bar->showRun(info);   // after the run opened

#include <QWidget>
#include <array>

#include "comparison/ComparisonViewTypes.h"

class QLabel;
class QPushButton;

namespace learn2add::ui {

class ComparisonRunBar : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonRunBar(QWidget* parent = nullptr);

    void showRun(const ComparisonRunInfo& info);
    // The label's text of a slot (0..2 or kJudgeSlot).
    QString slotText(int slot) const;
    QString slotFolder(int slot) const;  // the whole folder; empty while none is open
    QPushButton* openButton(int slot) const;
    // What each slot is meant for: "AE + P", "VAE + P", "VAE + generative P".
    static QString intendedKind(int slot);

Q_SIGNALS:
    // The user chose a folder for a slot (0..2 or kJudgeSlot).
    void openRequested(int slot, QString folder);

private:
    QWidget* buildSlot(int slot);
    QLabel* label(int slot) const;

    std::array<QLabel*, kComparisonSlots + 1> labels_{};  // the judge's is last
    std::array<QPushButton*, kComparisonSlots + 1> buttons_{};
    std::array<QString, kComparisonSlots + 1> folders_;
};

}  // namespace learn2add::ui
