#include "comparison/ComparisonReadingsTable.h"

#include <QHeaderView>

#include "plots/PlotColours.h"

namespace learn2add::ui {
namespace {

QString reading(int read, double expected) {
    if (read < 0) return QStringLiteral("—");
    return QStringLiteral("%1 · %2").arg(read).arg(expected, 0, 'f', 2);
}

QString addendText(double addend) {
    return QString::number(addend, 'g', 3);
}

}  // namespace

ComparisonReadingsTable::ComparisonReadingsTable(QWidget* parent)
    : QTableWidget(kFirstStripRow + kStripRows, kComparisonSlots, parent) {
    QStringList rows = {tr("accuracy"), tr("d + u (slider)")};
    for (double addend : {1.0, 2.0, 1.5, 1.4, 1.6}) rows << tr("d + %1").arg(addendText(addend));
    setVerticalHeaderLabels(rows);
    // Fixed section sizes: new numbers never resize anything.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->setMinimumWidth(fontMetrics().horizontalAdvance(rows[1]) + 16);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setToolTip(
        tr("The judge's reading · its expected digit Σ p_d·d, for each model's mean-mode "
           "output"));
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        auto* header = new QTableWidgetItem(tr("slot %1").arg(slot + 1));
        header->setForeground(runColour(slot).darker(120));
        setHorizontalHeaderItem(slot, header);
        for (int row = 0; row < rowCount(); ++row) {
            auto* cell = new QTableWidgetItem(QStringLiteral("—"));
            cell->setTextAlignment(Qt::AlignCenter);
            setItem(row, slot, cell);
        }
    }
    setMinimumHeight(150);
}

void ComparisonReadingsTable::setCell(int slot, int row, const QString& text) {
    if (slot < 0 || slot >= kComparisonSlots) return;
    if (QTableWidgetItem* cell = item(row, slot); cell && cell->text() != text) {
        cell->setText(text);
    }
}

void ComparisonReadingsTable::setRowTitle(int row, const QString& title) {
    QTableWidgetItem* header = verticalHeaderItem(row);
    if (header && header->text() != title) header->setText(title);
}

void ComparisonReadingsTable::setModel(int slot, const QString& name) {
    if (slot < 0 || slot >= kComparisonSlots) return;
    for (int row = 0; row < rowCount(); ++row) setCell(slot, row, QStringLiteral("—"));
    horizontalHeaderItem(slot)->setText(name);
}

void ComparisonReadingsTable::setAccuracy(int slot, const QString& text) {
    setCell(slot, kAccuracyRow, text);
}

void ComparisonReadingsTable::showStrip(int slot, int digit, const std::vector<StudyTile>& strip,
                                        const std::vector<double>& expected) {
    const QString base = digit >= 0 ? QString::number(digit) : tr("d");
    setRowTitle(kCurrentRow, tr("%1 + u (slider)").arg(base));
    for (int k = 0; k < kStripRows; ++k) {
        const auto index = static_cast<std::size_t>(k);
        if (index >= strip.size()) {
            setCell(slot, kFirstStripRow + k, QStringLiteral("—"));
            continue;
        }
        setRowTitle(kFirstStripRow + k,
                    QStringLiteral("%1 + %2").arg(base, addendText(strip[index].addend)));
        setCell(slot, kFirstStripRow + k,
                reading(strip[index].read, index < expected.size() ? expected[index] : 0.0));
    }
}

void ComparisonReadingsTable::showCurrent(int slot, int read, double expected) {
    setCell(slot, kCurrentRow, reading(read, expected));
}

QString ComparisonReadingsTable::cellText(int slot, int row) const {
    const QTableWidgetItem* cell = item(row, slot);
    return cell ? cell->text() : QString();
}

}  // namespace learn2add::ui
