#pragma once
// The Train, Pause/Resume and Stop buttons of a training page, with their keys (F5, F6, Shift+F5,
// as actions on the page: widgets/ShortcutAction.h), following one TrainingRunner's state: Pause and
// Stop are enabled while a run goes, Pause reads "Resume" while paused, and Train either queues
// another run ("Queue run") or waits for the running one to end.
//
//   auto* buttons = new TrainingButtons(runner, TrainingButtons::WhileRunning::Queue, page,
//                                       [page] { page->startTraining(); });
//   buttons->addWideButton(continueButton);   // rows of their own under the three
//   layout->addWidget(buttons);
//
// Threads: GUI thread only. Pause and Stop act on the runner directly (pauseOrResume, stop).

#include <QWidget>
#include <functional>
#include <vector>

class QAction;
class QGridLayout;
class QPushButton;

namespace learn2add::ui {

class TrainingRunner;

class TrainingButtons : public QWidget {
    Q_OBJECT
public:
    enum class WhileRunning {
        Queue,  // Train stays enabled and queues the next run
        Wait,   // Train (and the wide buttons) are disabled until the run ends
    };

    TrainingButtons(TrainingRunner* runner, WhileRunning mode, QWidget* page,
                    std::function<void()> train);

    // Adds `button` on a row of its own under the three.
    void addWideButton(QPushButton* button);

    QPushButton* trainButton() const { return train_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* stopButton() const { return stop_; }
    QAction* trainAction() const { return trainAction_; }
    QAction* pauseAction() const { return pauseAction_; }
    QAction* stopAction() const { return stopAction_; }

private:
    void showState();

    TrainingRunner* runner_;
    WhileRunning mode_;
    QGridLayout* grid_ = nullptr;
    QPushButton* train_ = nullptr;
    QPushButton* pause_ = nullptr;
    QPushButton* stop_ = nullptr;
    std::vector<QPushButton*> wide_;
    QAction* trainAction_ = nullptr;
    QAction* pauseAction_ = nullptr;
    QAction* stopAction_ = nullptr;
};

}  // namespace learn2add::ui
