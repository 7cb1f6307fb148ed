#include "shell/RecentRuns.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

QString runKind(const QString& folder, QString& error) {
    QFile file(QDir(folder).filePath(QStringLiteral("config.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        error = QObject::tr("%1 is not a run folder (no readable config.json)").arg(folder);
        return {};
    }
    QJsonParseError parse{};
    const QJsonDocument document = QJsonDocument::fromJson(file.read(1 << 20), &parse);
    const QString kind = document.object().value(QStringLiteral("kind")).toString();
    if (parse.error != QJsonParseError::NoError || kind.isEmpty()) {
        error = QObject::tr("%1: config.json names no run kind").arg(folder);
        return {};
    }
    return kind;
}

}  // namespace learn2add::ui
