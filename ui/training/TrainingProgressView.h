#pragma once
// A progress bar for the running job with a line of text under it: which run of the queue, epoch,
// batch, elapsed time and the estimated time left. GUI thread only.
//
//   view->showProgress(2, 6, "mirror · BCE · code 7", report);
//   view->showIdle(tr("Finished 6 runs."));

#include <QWidget>

#include "train/TrainingReports.h"

class QLabel;
class QProgressBar;

namespace learn2add::ui {

class TrainingProgressView : public QWidget {
    Q_OBJECT
public:
    explicit TrainingProgressView(QWidget* parent = nullptr);

    // `run` is 1-based among `runs` (the runs of the current queue).
    void showProgress(int run, int runs, const QString& name, const train::BatchReport& report);
    void showPaused(bool paused);
    void showIdle(const QString& text);

    QProgressBar* bar() const { return bar_; }
    QString text() const;

private:
    QProgressBar* bar_ = nullptr;
    QLabel* label_ = nullptr;
    QString lastText_;
};

// "1:02:03", "4:05" or "12 s".
QString formatDuration(double seconds);

}  // namespace learn2add::ui
