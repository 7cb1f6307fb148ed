#include "EventLoopLatencyProbe.h"

namespace learn2add::bench {

EventLoopLatencyProbe::EventLoopLatencyProbe(std::chrono::milliseconds interval) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(interval);
    QObject::connect(&timer_, &QTimer::timeout, &timer_, [this] { onTick(); });
}

void EventLoopLatencyProbe::start() {
    latenessMs_.clear();
    previousTickNs_ = -1;
    clock_.start();
    timer_.start();
}

void EventLoopLatencyProbe::stop() {
    timer_.stop();
}

void EventLoopLatencyProbe::onTick() {
    const qint64 now = clock_.nsecsElapsed();
    if (previousTickNs_ >= 0) {
        const double intervalMs = static_cast<double>(now - previousTickNs_) / 1e6;
        latenessMs_.push_back(intervalMs - static_cast<double>(timer_.interval()));
    }
    previousTickNs_ = now;
}

}  // namespace learn2add::bench
