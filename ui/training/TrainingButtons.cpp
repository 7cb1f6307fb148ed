#include "training/TrainingButtons.h"

#include <QGridLayout>
#include <QPushButton>

#include "training/TrainingRunner.h"
#include "widgets/ShortcutAction.h"

namespace learn2add::ui {

TrainingButtons::TrainingButtons(TrainingRunner* runner, WhileRunning mode, QWidget* page,
                                 std::function<void()> train)
    : QWidget(page), runner_(runner), mode_(mode) {
    // The keys are actions on the page (active while it is shown); the buttons do what they do.
    const TrainingShortcuts keys = addTrainingShortcuts(
        page, [train] { train(); }, [this] { runner_->pauseOrResume(); }, [this] { runner_->stop(); });
    trainAction_ = keys.train;
    pauseAction_ = keys.pauseOrResume;
    stopAction_ = keys.stop;

    train_ = new QPushButton(tr("Train"));
    train_->setDefault(true);
    connect(train_, &QPushButton::clicked, this, [train] { train(); });
    pause_ = new QPushButton(tr("Pause"));
    pause_->setToolTip(tr("Pause or resume the running training (F6)"));
    connect(pause_, &QPushButton::clicked, runner_, &TrainingRunner::pauseOrResume);
    stop_ = new QPushButton(tr("Stop"));
    connect(stop_, &QPushButton::clicked, runner_, &TrainingRunner::stop);

    grid_ = new QGridLayout(this);
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->addWidget(train_, 0, 0);
    grid_->addWidget(pause_, 0, 1);
    grid_->addWidget(stop_, 0, 2);
    connect(runner_, &TrainingRunner::stateChanged, this, &TrainingButtons::showState);
    showState();
}

void TrainingButtons::addWideButton(QPushButton* button) {
    grid_->addWidget(button, grid_->rowCount(), 0, 1, 3);
    wide_.push_back(button);
    showState();
}

void TrainingButtons::showState() {
    const bool running = runner_->isRunning();
    pause_->setEnabled(running);
    stop_->setEnabled(running);
    pauseAction_->setEnabled(running);
    stopAction_->setEnabled(running);
    pause_->setText(runner_->isPaused() ? tr("Resume") : tr("Pause"));
    if (mode_ == WhileRunning::Queue) {
        train_->setText(running ? tr("Queue run") : tr("Train"));
    } else {
        train_->setEnabled(!running);
        trainAction_->setEnabled(!running);
        for (QPushButton* button : wide_) button->setEnabled(!running);
    }
}

}  // namespace learn2add::ui
