#include "StartupReport.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <QWindow>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include "addition/AdditionInference.h"
#include "addition/AdditionViewTypes.h"

namespace learn2add::app {

qint64 millisecondsSinceProcessStart() {
    std::ifstream stat("/proc/self/stat");
    std::string line;
    if (!std::getline(stat, line)) return -1;
    // Field 2 (the command) is in parentheses and may hold spaces: count fields after its ')'.
    const auto close = line.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream fields(line.substr(close + 2));
    std::string field;
    unsigned long long startTicks = 0;
    for (int number = 3; fields >> field; ++number) {
        if (number == 22) {
            startTicks = std::stoull(field);
            break;
        }
    }
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (startTicks == 0 || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0) return -1;
    const double nowMs = static_cast<double>(now.tv_sec) * 1000.0 + now.tv_nsec / 1.0e6;
    const double startMs = static_cast<double>(startTicks) * 1000.0 / ticksPerSecond;
    return static_cast<qint64>(nowMs - startMs);
}

StartupReport::StartupReport(QWidget& window, ui::AdditionInference& inference)
    : QObject(&window), window_(window) {
    window_.winId();  // creates the native window, so its first expose can be watched
    window_.windowHandle()->installEventFilter(this);
    connect(&inference, &ui::AdditionInference::gridReady, this,
            [this](quint64, const ui::GridPicture& grid) { gridDrawn(grid); });
    QTimer::singleShot(30000, &QApplication::quit);  // no grid: give up
}

bool StartupReport::eventFilter(QObject* watched, QEvent* event) {
    if (exposedMs_ < 0 && event->type() == QEvent::Expose && window_.windowHandle() == watched &&
        window_.windowHandle()->isExposed()) {
        exposedMs_ = millisecondsSinceProcessStart();
    }
    return QObject::eventFilter(watched, event);
}

void StartupReport::gridDrawn(const ui::GridPicture& grid) {
    if (!grid.judged) return;
    // The grid is drawn by the next paint; let it happen before reading the clock.
    QTimer::singleShot(0, this, [this, correct = grid.correct] {
        std::printf("startup (from process start): window on screen after %lld ms; judged grid "
                    "(%d/55 right) drawn after %lld ms\n",
                    static_cast<long long>(exposedMs_), correct,
                    static_cast<long long>(millisecondsSinceProcessStart()));
        std::fflush(stdout);
        QApplication::quit();
    });
}

}  // namespace learn2add::app
