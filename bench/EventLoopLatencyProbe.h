#pragma once
// Measures how responsive the GUI thread's event loop is: a precise 10 ms QTimer records, for each
// tick, how much later than 10 ms after the previous tick it came (actual interval minus the
// interval, in ms). A tick that comes late means that the event loop was busy: a user's click or
// a repaint would have waited as long.
//
//   EventLoopLatencyProbe probe;
//   probe.start();
//   ... run the event loop ...
//   probe.stop();
//   summarize(probe.latenessMs());
//
// Threads: GUI thread only (it measures the thread it lives on).

#include <QElapsedTimer>
#include <QTimer>
#include <chrono>
#include <vector>

namespace learn2add::bench {

class EventLoopLatencyProbe {
public:
    explicit EventLoopLatencyProbe(
        std::chrono::milliseconds interval = std::chrono::milliseconds(10));

    void start();
    void stop();

    // One value per tick after the first: actual interval minus the timer's interval, in ms. Qt
    // schedules a precise timer's next tick from the previous deadline, so a tick that follows a
    // late one can come a little early (a small negative value).
    const std::vector<double>& latenessMs() const { return latenessMs_; }

private:
    void onTick();

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 previousTickNs_ = -1;
    std::vector<double> latenessMs_;
};

}  // namespace learn2add::bench
