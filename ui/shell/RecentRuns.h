#pragma once
// The run folders opened lately, newest first, kept between launches in QSettings ("recentRuns").
// GUI thread only.
//
//   RecentRuns recent;
//   recent.add("/home/me/runs/addition");   // moves it to the front, keeps at most kMaximum
//   for (const QString& folder : recent.folders()) ...

#include <QString>
#include <QStringList>

namespace learn2add::ui {

class RecentRuns {
public:
    static constexpr int kMaximum = 8;

    QStringList folders() const;
    void add(const QString& folder);
    void clear();
};

}  // namespace learn2add::ui
