#pragma once
// The training tab of the Addition page (ASSIGNMENT.md Part III.5): decoder, recipe (guided by
// default, or the assignment's exact loss; the guided recipe's digit-label aids off by default,
// train/AdditionTrainingOptions.h), epochs (100, or a 5-epoch quick preset), seed, batches
// per epoch, an optional judge run and autoencoder run to start from, and where to write the run;
// Train / Pause / Stop; progress with ETA; live curves of every loss term (train dashed,
// validation solid), the code-spread collapse indicator and the validation addition accuracy.
//
// Threads: GUI thread only; the AdditionTrainingRunner trains on its own thread. Its epochFinished
// signal (with the epoch's grid and a model clone) is exposed through runner() for the page.
//
//   auto* training = new AdditionTrainingPanel;
//   training->setData(mnist);
//   training->startTraining();       // what "Train" does
//   training->shutdown();            // cancel, quit, wait
//
// Shortcuts: F5 trains, F6 pauses or resumes, Shift+F5 stops (as on the Autoencoder page). They
// are actions of this panel, active while it is visible; a page that hosts the panel in a tab adds
// shortcutActions() to itself so that they work from its other tabs as well.

#include <QWidget>
#include <memory>
#include <optional>

#include "addition/AdditionTrainingJob.h"
#include "addition/AdditionViewTypes.h"
#include "data/MnistData.h"
#include "infer/CollapseDiagnosis.h"
#include "training/TrainingButtons.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace learn2add::ui {

class AdditionTrainingRunner;
class CurvePlot;
class TrainingProgressView;

class AdditionTrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit AdditionTrainingPanel(QWidget* parent = nullptr);
    ~AdditionTrainingPanel() override;

    void setData(std::shared_ptr<const data::MnistData> data);
    // Fills the judge field when it is empty (the page passes the judge it opened).
    void suggestJudgeRun(const QString& folder);
    std::optional<AdditionTrainingJob> jobFromForm(QString& error) const;

    void startTraining();
    // Continues the addition run in `folder` after its last.pt, with its own settings, up to its
    // number of epochs or the form's, whichever is larger ("Continue a run…").
    void continueRun(const QString& folder);
    // The curves of an opened run, from its metrics.csv rows (every loss term, the code spread and
    // the addition accuracy per epoch), while no training runs. False, curves unchanged, when a
    // training runs or the run has no rows.
    bool showRunHistory(const OpenedRunInfo& run);
    void pauseOrResume();
    void stopTraining();
    void shutdown();

    // The form, in the settings' current group, to be restored at the next launch. Stored values
    // that no longer fit (an unknown decoder, a number out of range, a judge or start-from folder
    // that is gone) leave the default.
    void saveSettings(QSettings& settings) const;
    void restoreSettings(const QSettings& settings);

    // Train (F5), pause / resume (F6) and stop (Shift+F5), enabled as the buttons are.
    QAction* trainAction() const { return buttons_->trainAction(); }
    QAction* pauseAction() const { return buttons_->pauseAction(); }
    QAction* stopAction() const { return buttons_->stopAction(); }
    QList<QAction*> shortcutActions() const { return {trainAction(), pauseAction(), stopAction()}; }

    // Exposed for tests and screenshots.
    AdditionTrainingRunner* runner() const { return runner_; }
    QComboBox* decoderBox() const { return decoder_; }
    QComboBox* recipeBox() const { return recipe_; }
    QCheckBox* labelAidsBox() const { return labelAids_; }  // the guided recipe's digit-label aids
    QComboBox* precisionBox() const { return precision_; }
    QSpinBox* epochsBox() const { return epochs_; }
    QSpinBox* batchesBox() const { return batches_; }
    QSpinBox* seedBox() const { return seed_; }
    QLineEdit* judgeEdit() const { return judge_; }
    QLineEdit* initEdit() const { return init_; }
    QLineEdit* heldOutEdit() const { return heldOut_; }
    QLineEdit* runFolderEdit() const { return runFolder_; }
    QPushButton* trainButton() const { return buttons_->trainButton(); }
    QPushButton* pauseButton() const { return buttons_->pauseButton(); }
    QPushButton* stopButton() const { return buttons_->stopButton(); }
    QPushButton* continueButton() const { return continue_; }
    CurvePlot* lossPlot() const { return losses_; }
    CurvePlot* spreadPlot() const { return spread_; }
    // The collapse diagnosis of the epochs shown (infer/CollapseDiagnosis.h), in words.
    QLabel* diagnosisLabel() const { return diagnosis_; }
    CurvePlot* accuracyPlot() const { return accuracy_; }
    TrainingProgressView* progressView() const { return progress_; }

Q_SIGNALS:
    void message(QString text, bool error);

private:
    QWidget* buildForm();
    QWidget* buildCurves();
    void clearCurves();
    void showDiagnosis();
    void onStarted(const AdditionTrainingJob& job);
    void onProgress(const AdditionBatchValues& report);
    void onEpoch(const AdditionEpochValues& report);
    void onStateChanged();

    std::shared_ptr<const data::MnistData> data_;
    AdditionTrainingRunner* runner_ = nullptr;
    QString runName_;

    QComboBox* variant_ = nullptr;
    QComboBox* decoder_ = nullptr;
    QComboBox* recipe_ = nullptr;
    QCheckBox* labelAids_ = nullptr;  // unchecked: the guided recipe uses the tuples alone
    QComboBox* precision_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QSpinBox* batches_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLineEdit* judge_ = nullptr;
    QLineEdit* init_ = nullptr;
    QLineEdit* heldOut_ = nullptr;  // cells or addends left out of the training pairs
    QLineEdit* runFolder_ = nullptr;
    TrainingButtons* buttons_ = nullptr;  // Train, Pause, Stop and their keys
    QPushButton* continue_ = nullptr;
    TrainingProgressView* progress_ = nullptr;
    QLabel* status_ = nullptr;
    CurvePlot* losses_ = nullptr;
    CurvePlot* spread_ = nullptr;
    QLabel* diagnosis_ = nullptr;
    std::vector<infer::CollapseSignals> collapseSignals_;  // one per epoch shown
    CurvePlot* accuracy_ = nullptr;
    int totalSeries_ = 0, reconstructionSeries_ = 0, generationSeries_ = 0, codeSeries_ = 0;
    int digitSeries_ = 0, klSeries_ = 0;
};

}  // namespace learn2add::ui
