#include "shell/KeyboardShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace learn2add::ui {

KeyboardShortcutsDialog::KeyboardShortcutsDialog(const QList<ShortcutEntry>& shortcuts,
                                                 QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Keyboard shortcuts"));
    table_ = new QTableWidget(static_cast<int>(shortcuts.size()), 3);
    table_->setHorizontalHeaderLabels({tr("Keys"), tr("Action"), tr("Where")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    for (int row = 0; row < shortcuts.size(); ++row) {
        const ShortcutEntry& entry = shortcuts[row];
        table_->setItem(row, 0, new QTableWidgetItem(entry.keys));
        table_->setItem(row, 1, new QTableWidgetItem(entry.action));
        table_->setItem(row, 2, new QTableWidgetItem(entry.where));
    }
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    // Tall enough for every row without scrolling on a 720-pixel screen.
    int height = table_->horizontalHeader()->sizeHint().height() + 2 * table_->frameWidth();
    for (int row = 0; row < table_->rowCount(); ++row) height += table_->rowHeight(row);
    table_->setMinimumHeight(std::min(height, 520));
    int width = 2 * table_->frameWidth();
    for (int column = 0; column < table_->columnCount(); ++column) {
        width += table_->columnWidth(column);
    }
    table_->setMinimumWidth(std::min(width + 24, 640));
}

}  // namespace learn2add::ui
