#pragma once
// A long folder shown as its last two names ("…/runs/vae-addition"), so that a label never grows
// with a path; put the whole folder in the tooltip.

#include <QDir>
#include <QString>
#include <QStringList>
#include <algorithm>

namespace learn2add::ui {

inline QString shortFolder(const QString& folder) {
    constexpr int kLongest = 40;
    const QString native = QDir::toNativeSeparators(QDir::cleanPath(folder));
    if (native.size() <= kLongest) return native;
    const QStringList names = QDir::cleanPath(folder).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return QStringLiteral("…/") + names.mid(std::max<qsizetype>(0, names.size() - 2)).join(QLatin1Char('/'));
}

}  // namespace learn2add::ui
