#include "cli/TrainingProgress.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace learn2add::cli {
namespace {

train::TrainingControl* activeControl = nullptr;
volatile std::sig_atomic_t receivedSignal = 0;

extern "C" void onInterrupt(int signal) {
    receivedSignal = signal;
    if (activeControl) activeControl->requestCancel();  // an atomic store: async-signal-safe
}

}  // namespace

InterruptScope::InterruptScope(train::TrainingControl& control) {
    receivedSignal = 0;
    activeControl = &control;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptScope::~InterruptScope() {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    activeControl = nullptr;
}

int InterruptScope::signal() const {
    return receivedSignal;
}

int InterruptScope::exitCode(train::TrainingResult::Status status) const {
    if (status == train::TrainingResult::Status::Cancelled && receivedSignal != 0)
        return 128 + receivedSignal;
    return status == train::TrainingResult::Status::Diverged ? 3 : 0;
}

bool isTerminal() { return isatty(STDOUT_FILENO) != 0; }

std::string duration(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    std::ostringstream out;
    if (s >= 3600) out << s / 3600 << "h";
    if (s >= 60) out << std::setw(s >= 3600 ? 2 : 1) << std::setfill('0') << (s / 60) % 60 << "m";
    out << std::setw(s >= 60 ? 2 : 1) << std::setfill('0') << s % 60 << "s";
    return out.str();
}

void drawProgress(const train::BatchReport& report) {
    constexpr int kWidth = 30;
    const double done = static_cast<double>(report.batch) / report.batchesPerEpoch;
    const int filled = static_cast<int>(done * kWidth);
    std::printf("\r\033[Kepoch %d/%d [%s%s] batch %d/%d loss %.5f  elapsed %s  eta %s",
                report.epoch, report.epochs, std::string(filled, '#').c_str(),
                std::string(kWidth - filled, '.').c_str(), report.batch, report.batchesPerEpoch,
                report.loss, duration(report.elapsedSeconds).c_str(),
                duration(report.etaSeconds).c_str());
    std::fflush(stdout);
}

void clearProgressLine() {
    if (isTerminal()) std::printf("\r\033[K");
}

}  // namespace learn2add::cli
