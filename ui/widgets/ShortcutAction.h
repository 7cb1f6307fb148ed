#pragma once
// A keyboard shortcut owned by a page or panel, as a QAction: active while its owner is shown in
// the window (Qt::WindowShortcut). Shortcuts live on actions, not on buttons, because
// QAbstractButton::setText() replaces a button's shortcut with the new text's mnemonic (none, for
// our texts), so a button renamed "Pause" -> "Resume" would lose F6 after its first use.

#include <QAction>
#include <QCoreApplication>
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

// The training pages' keys: F5 trains, F6 pauses or resumes, Shift+F5 stops.
struct TrainingShortcuts {
    QAction* train = nullptr;
    QAction* pauseOrResume = nullptr;
    QAction* stop = nullptr;
};

template <typename Train, typename PauseOrResume, typename Stop>
TrainingShortcuts addTrainingShortcuts(QWidget* owner, Train&& train, PauseOrResume&& pauseOrResume,
                                       Stop&& stop) {
    const auto text = [](const char* source) {
        return QCoreApplication::translate("TrainingShortcuts", source);
    };
    return {addShortcutAction(owner, text("Train"), QKeySequence(Qt::Key_F5),
                              std::forward<Train>(train)),
            addShortcutAction(owner, text("Pause or resume"), QKeySequence(Qt::Key_F6),
                              std::forward<PauseOrResume>(pauseOrResume)),
            addShortcutAction(owner, text("Stop"), QKeySequence(Qt::SHIFT | Qt::Key_F5),
                              std::forward<Stop>(stop))};
}

}  // namespace learn2add::ui
