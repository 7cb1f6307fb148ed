#pragma once
// The Compare page (ASSIGNMENT.md Part IV.2-3): the three addition models (AE + P, VAE + P,
// VAE + generative P; any kind in any slot) side by side on the same input, read by one judge.
// One addend slider drives all of them; each model's row shows its mean output and, for the
// variational ones, K samples with their mean and standard deviation; the fixed strip 7 + 1, 2,
// 1.5, 1.4, 1.6 (or the input's digit + those); the three transition curves overlaid (the judge's
// expected digit as the addend sweeps 0..2.5) and a table of the judge's numbers; and per model
// its addition accuracy, its grid and its latent plane with the path P's output takes as the
// addend moves from 0 to 9 - d.
//
// Threads: GUI thread only. Every computation is a request to the ComparisonInference (its own
// thread, latest request wins); this page only shows results that match its latest requests.
// The background measurements of opened models (codes, grids, test accuracy) start when the page
// is first shown.
//
//   auto* page = new ComparisonPage;
//   connect(window, &MainWindow::dataChanged, page, &ComparisonPage::setData);
//   page->openRun(0, "runs/addition");
//   page->openRun(1, "runs/vae-addition");
//   page->openRun(2, "runs/vae-genp-addition");
//   page->openJudgeRun("runs/judge");
//   page->shutdown();   // stops the thread: before the window goes away

#include <QWidget>
#include <array>
#include <memory>

#include "addition/AdditionViewTypes.h"
#include "comparison/ComparisonViewTypes.h"
#include "data/LoadedData.h"

class QLabel;
class QSpinBox;
class QTabWidget;

namespace learn2add::ui {

class AddendControl;
class TestImageChoice;
class ComparisonInference;
class ComparisonModelColumn;
class ComparisonModelRow;
class ComparisonReadingsTable;
class ComparisonRunBar;
class DigitMosaic;
class ExpectedDigitPlot;
class MessageBanner;

class ComparisonPage : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonPage(QWidget* parent = nullptr);
    ~ComparisonPage() override;

    void setData(std::shared_ptr<const LoadedData> data);
    // Open in the background; on failure the banner says why and what the slot held stays.
    void openRun(int slot, const QString& folder);
    void openJudgeRun(const QString& folder);
    // Shows the index-th test image of `digit` (clamped to what exists).
    void chooseTestImage(int digit, int index);
    void showTab(int index);
    void shutdown();

    // Exposed for tests and screenshots.
    ComparisonInference* inference() const { return inference_; }
    MessageBanner* banner() const { return banner_; }
    ComparisonRunBar* runBar() const { return runBar_; }
    AddendControl* addendControl() const { return addend_; }
    QSpinBox* samplesBox() const { return samples_; }
    QSpinBox* seedBox() const { return seed_; }
    ComparisonModelRow* row(int slot) const { return rows_.at(static_cast<std::size_t>(slot)); }
    ComparisonModelColumn* column(int slot) const {
        return columns_.at(static_cast<std::size_t>(slot));
    }
    ExpectedDigitPlot* transitionPlot() const { return transition_; }
    ComparisonReadingsTable* readingsTable() const { return readings_; }
    QTabWidget* tabs() const { return tabs_; }
    quint64 lastRequestedView() const { return viewRequest_; }
    quint64 lastShownView() const { return lastView_.sequence; }
    const ComparisonView& lastView() const { return lastView_; }
    quint64 lastRequestedStudy() const { return studyRequest_; }
    quint64 lastShownStudy() const { return lastStudy_; }
    int viewsReceived() const { return viewsReceived_; }

protected:
    // The first show starts the background measurements (see the constructor).
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildControls();
    QWidget* buildOutputsTab();
    QWidget* buildModelsTab();
    void connectInference();
    void onInputChanged();
    void requestView();
    void requestStudy();
    void showRun(const ComparisonRunInfo& info);
    void showView(const ComparisonView& view);
    void showStudy(const ComparisonStudy& study);
    void showAccuracy(const ModelAccuracy& accuracy);
    void showMessage(const QString& text, bool error);
    AdditionInput currentInput() const;
    QString inputName() const;

    ComparisonInference* inference_ = nullptr;
    bool evaluationStarted_ = false;
    std::shared_ptr<const LoadedData> data_;
    AdditionInput input_;
    std::array<QString, kComparisonSlots> names_;
    quint64 viewRequest_ = 0;
    quint64 studyRequest_ = 0;
    quint64 lastStudy_ = 0;
    ComparisonView lastView_;
    int viewsReceived_ = 0;

    MessageBanner* banner_ = nullptr;
    ComparisonRunBar* runBar_ = nullptr;
    TestImageChoice* choice_ = nullptr;
    DigitMosaic* preview_ = nullptr;
    AddendControl* addend_ = nullptr;
    QSpinBox* samples_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLabel* timing_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    std::array<ComparisonModelRow*, kComparisonSlots> rows_{};
    std::array<ComparisonModelColumn*, kComparisonSlots> columns_{};
    ExpectedDigitPlot* transition_ = nullptr;
    ComparisonReadingsTable* readings_ = nullptr;
};

}  // namespace learn2add::ui
