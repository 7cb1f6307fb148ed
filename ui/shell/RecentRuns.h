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

// The "kind" in a run folder's config.json ("autoencoder", "judge", "addition", "vae-addition",
// "vae-genp-addition"), or an empty string with `error` set when there is no readable config.
// Reads one small JSON file (no tensors).
QString runKind(const QString& folder, QString& error);

}  // namespace learn2add::ui
