#pragma once
// The Addition page (ASSIGNMENT.md Part III): open an addition run and a judge run, explore the
// model (input image or drawing, addend slider, judge's reading, strips, transition plot), see the
// judge-marked digit-by-addend grid and export it, and train the addition model live.
//
// Threads: GUI thread only. Inference runs on the AdditionInference's thread and training on the
// AdditionTrainingRunner's; this page exchanges plain values with them. After every training
// epoch the explorer and the grid switch to a clone of the newest model.
//
//   auto* page = new AdditionPage;
//   connect(window, &MainWindow::dataChanged, page, &AdditionPage::setData);
//   page->openAdditionRun("runs/addition");
//   page->openJudgeRun("runs/judge");
//   page->shutdown();   // cancel the training, stop both threads: before the window goes away

#include <QStringList>
#include <QWidget>
#include <memory>

#include "addition/AdditionViewTypes.h"
#include "data/LoadedData.h"

class QLabel;
class QPushButton;
class QTabWidget;

namespace learn2add::ui {

class AdditionExplorerPanel;
class AdditionGridPanel;
class AdditionFeaturePanel;
class CodeManifoldPanel;
class AdditionMorphPanel;
class AdditionProbesPanel;
class AdditionInference;
class AdditionTrainingPanel;
class MessageBanner;

class AdditionPage : public QWidget {
    Q_OBJECT
public:
    explicit AdditionPage(QWidget* parent = nullptr);
    ~AdditionPage() override;

    void setData(std::shared_ptr<const LoadedData> data);
    // Open in the background; on failure the banner says why and the model or judge in use stays.
    void openAdditionRun(const QString& folder);
    void openJudgeRun(const QString& folder);
    void showTab(int index);
    // Shows the tab named `name` (one of tabNames(), any case); false when there is none.
    bool showTab(const QString& name);
    // explore, grid, manifold, morph, features, probes, train: the tabs in their order.
    static QStringList tabNames();
    // Makes `input` (a decoded point of a code manifold, here or on another page) the explorer's
    // input, named `name`, and shows the Explore tab.
    void exploreInput(const AdditionInput& input, const QString& name);
    void shutdown();

    // Exposed for tests and screenshots.
    AdditionInference* inference() const { return inference_; }
    AdditionExplorerPanel* explorer() const { return explorer_; }
    CodeManifoldPanel* manifold() const { return manifold_; }
    AdditionMorphPanel* morph() const { return morph_; }
    AdditionFeaturePanel* features() const { return features_; }
    AdditionProbesPanel* probes() const { return probes_; }
    AdditionGridPanel* gridPanel() const { return grid_; }
    AdditionTrainingPanel* trainingPanel() const { return training_; }
    MessageBanner* banner() const { return banner_; }
    QTabWidget* tabs() const { return tabs_; }
    QString modelText() const;
    QString judgeText() const;

private:
    QWidget* buildRunBar();
    void refreshViews();
    void showMessage(const QString& text, bool error);

    AdditionInference* inference_ = nullptr;
    MessageBanner* banner_ = nullptr;
    QLabel* model_ = nullptr;
    QLabel* judge_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    AdditionExplorerPanel* explorer_ = nullptr;
    CodeManifoldPanel* manifold_ = nullptr;
    AdditionMorphPanel* morph_ = nullptr;
    AdditionFeaturePanel* features_ = nullptr;
    AdditionProbesPanel* probes_ = nullptr;
    AdditionGridPanel* grid_ = nullptr;
    AdditionTrainingPanel* training_ = nullptr;
};

}  // namespace learn2add::ui
