#pragma once
// A keyboard shortcut owned by a page or panel, as a QAction: active while its owner is shown in
// the window (Qt::WindowShortcut). Shortcuts live on actions, not on buttons, because
// QAbstractButton::setText() replaces a button's shortcut with the new text's mnemonic (none, for
// our texts), so a button renamed "Pause" -> "Resume" would lose F6 after its first use.

#include <QAction>
#include <QKeySequence>
#include <QWidget>
#include <utility>

namespace learn2add::ui {

template <typename Slot>
QAction* addShortcutAction(QWidget* owner, const QString& text, const QKeySequence& keys,
                           Slot&& slot) {
    auto* action = new QAction(text, owner);
    action->setShortcut(keys);
    QObject::connect(action, &QAction::triggered, owner, std::forward<Slot>(slot));
    owner->addAction(action);
    return action;
}

}  // namespace learn2add::ui
