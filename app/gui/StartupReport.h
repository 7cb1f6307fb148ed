#pragma once
// --startup-report: how long after the process was started (exec) the window was first on screen
// and the first judged grid was drawn, printed on one line, then the app quits. The clock is the
// kernel's start time of the process (/proc/self/stat), so loading the program and its libraries
// counts, as a user waiting for the window sees it.
//
//   StartupReport report(window, *addition->inference());   // before app.exec()

#include <QObject>
#include <QtGlobal>

class QWidget;

namespace learn2add::ui {
class AdditionInference;
struct GridPicture;
}  // namespace learn2add::ui

namespace learn2add::app {

// Milliseconds since this process was started, from /proc/self/stat's start time and
// CLOCK_BOOTTIME (10 ms resolution); -1 where /proc cannot be read.
qint64 millisecondsSinceProcessStart();

class StartupReport : public QObject {
public:
    StartupReport(QWidget& window, ui::AdditionInference& inference);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void gridDrawn(const ui::GridPicture& grid);

    QWidget& window_;
    qint64 exposedMs_ = -1;
};

}  // namespace learn2add::app
