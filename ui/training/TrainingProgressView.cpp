#include "training/TrainingProgressView.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace learn2add::ui {
namespace {
constexpr int kBarSteps = 1000;
}

QString formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("–");
    const auto total = static_cast<long long>(std::llround(seconds));
    if (total < 60) return QStringLiteral("%1 s").arg(total);
    const long long h = total / 3600, m = (total / 60) % 60, s = total % 60;
    return h > 0 ? QStringLiteral("%1:%2:%3")
                       .arg(h)
                       .arg(m, 2, 10, QChar('0'))
                       .arg(s, 2, 10, QChar('0'))
                 : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QChar('0'));
}

TrainingProgressView::TrainingProgressView(QWidget* parent) : QWidget(parent) {
    bar_ = new QProgressBar;
    bar_->setRange(0, kBarSteps);
    bar_->setValue(0);
    bar_->setTextVisible(true);
    bar_->setFormat(QStringLiteral("%p%"));
    label_ = new QLabel;
    label_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(bar_);
    layout->addWidget(label_);
    showIdle(tr("Idle."));
}

void TrainingProgressView::showProgress(int run, int runs, const QString& name,
                                        const train::BatchReport& report) {
    const QString prefix =
        runs > 1 ? tr("Run %1 of %2 (%3) · ").arg(run).arg(runs).arg(name) : tr("%1 · ").arg(name);
    if (report.batchesPerEpoch <= 0) {
        // Before the first batch (loading, and the addition recipes' warm-ups) nothing is counted
        // yet: say so instead of "batch 0/0 · about 0 s left".
        bar_->setValue(0);
        lastText_ = tr("%1Preparing epoch 1 (data and warm-ups)…").arg(prefix);
        label_->setText(lastText_);
        return;
    }
    const double total = static_cast<double>(report.epochs) * std::max(1, report.batchesPerEpoch);
    const double done =
        static_cast<double>(report.epoch - 1) * report.batchesPerEpoch + report.batch;
    bar_->setValue(total > 0 ? static_cast<int>(std::lround(kBarSteps * done / total)) : 0);
    lastText_ = tr("%1Epoch %2/%3 · batch %4/%5 · %6 elapsed · about %7 left")
                    .arg(prefix)
                    .arg(report.epoch)
                    .arg(report.epochs)
                    .arg(report.batch)
                    .arg(report.batchesPerEpoch)
                    .arg(formatDuration(report.elapsedSeconds), formatDuration(report.etaSeconds));
    label_->setText(lastText_);
}

void TrainingProgressView::showPaused(bool paused) {
    label_->setText(paused ? tr("Paused · %1").arg(lastText_) : lastText_);
}

void TrainingProgressView::showIdle(const QString& text) {
    lastText_ = text;
    label_->setText(text);
}

QString TrainingProgressView::text() const {
    return label_->text();
}

}  // namespace learn2add::ui
