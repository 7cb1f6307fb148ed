#pragma once
// Folder pickers that start where the user last picked a folder: the last folder chosen in any
// file dialog is kept between launches in QSettings ("dialogs/lastFolder"). GUI thread only.
//
//   const QString folder = chooseFolder(this, tr("Open a run folder"));   // empty: cancelled
//   rememberDialogFolder(savedFile);   // after a save dialog: its folder becomes the start

#include <QString>

class QWidget;

namespace learn2add::ui {

// The folder dialogs start in: the last one picked, while it still exists; else the home folder.
QString lastDialogFolder();
// Remembers `path` (a folder, or a file whose folder is meant) as where dialogs start next time.
void rememberDialogFolder(const QString& path);

// QFileDialog::getExistingDirectory starting at `start` when that folder exists, else at
// lastDialogFolder(); remembers the choice. Empty when cancelled.
QString chooseFolder(QWidget* parent, const QString& title, const QString& start = QString());

}  // namespace learn2add::ui
