#include "widgets/FolderDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace learn2add::ui {
namespace {

const char* const kLastFolderKey = "dialogs/lastFolder";

}  // namespace

QString lastDialogFolder() {
    const QString stored = QSettings().value(kLastFolderKey).toString();
    return !stored.isEmpty() && QFileInfo(stored).isDir() ? stored : QDir::homePath();
}

void rememberDialogFolder(const QString& path) {
    if (path.isEmpty()) return;
    const QFileInfo info(path);
    QSettings().setValue(kLastFolderKey,
                         info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

QString chooseFolder(QWidget* parent, const QString& title, const QString& start) {
    const QString from = !start.isEmpty() && QFileInfo(start).isDir() ? start : lastDialogFolder();
    const QString folder = QFileDialog::getExistingDirectory(parent, title, from);
    if (!folder.isEmpty()) rememberDialogFolder(folder);
    return folder;
}

}  // namespace learn2add::ui
