#pragma once
// Help > Keyboard shortcuts: every shortcut the window has, read from its actions (menus, toolbar
// and each page's own), so the list cannot fall behind the keys. GUI thread only.
//
//   KeyboardShortcutsDialog dialog(windowShortcuts(window), &window);
//   dialog.exec();

#include <QDialog>
#include <QList>
#include <QString>

class QTableWidget;

namespace learn2add::ui {

struct ShortcutEntry {
    QString keys;    // as the platform writes it: "F5", "Shift+F5", "Ctrl+Q"
    QString action;  // the action's text without mnemonics or an ellipsis: "Train"
    QString where;   // the page whose action it is, or "Everywhere"
};

class KeyboardShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit KeyboardShortcutsDialog(const QList<ShortcutEntry>& shortcuts,
                                     QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }

private:
    QTableWidget* table_ = nullptr;
};

}  // namespace learn2add::ui
