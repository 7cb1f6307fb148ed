#include "shell/RecentRuns.h"

#include <QDir>
#include <QSettings>

namespace learn2add::ui {
namespace {

const char* const kRecentRunsKey = "recentRuns";

}  // namespace

QStringList RecentRuns::folders() const {
    return QSettings().value(kRecentRunsKey).toStringList();
}

void RecentRuns::add(const QString& folder) {
    const QString path = QDir(folder).absolutePath();
    QStringList list = folders();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaximum) list.removeLast();
    QSettings().setValue(kRecentRunsKey, list);
}

void RecentRuns::clear() {
    QSettings().remove(kRecentRunsKey);
}

}  // namespace learn2add::ui
