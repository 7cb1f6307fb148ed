#include "autoencoder/AutoencoderPage.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

#include "addition/AdditionExplorerPanel.h"
#include "addition/AdditionPage.h"
#include "autoencoder/AutoencoderSettingsPanel.h"
#include "autoencoder/RunsTable.h"
#include "manifold/CodeManifoldPanel.h"
#include "manifold/CodeManifoldView.h"
#include "plots/CodeScatterPlot.h"
#include "plots/CurvePlot.h"
#include "shell/MainWindow.h"
#include "widgets/MessageBanner.h"
#include "training/TrainingProgressView.h"
#include "autoencoder/AutoencoderTrainingRunner.h"
#include "ui/AutoencoderRunFixtures.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

// A page with the embedded data and the form set for a tiny training (see setTinyTraining()).
class AutoencoderPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        page.resize(1200, 800);
        page.setData(testing::smallData());
        testing::setTinyTraining(*page.settings());
    }
    bool waitForStatus(int runId, const QString& status, int timeoutMs) {
        return testing::waitUntil(
            [&] { return page.runsTable()->cellText(runId, RunsTable::StatusColumn) == status; },
            timeoutMs);
    }

    AutoencoderPage page;
};

TEST_F(AutoencoderPageTest, TrainsATinyModelAndShowsCurvesDigitsCodesAndARow) {
    page.trainButton()->click();
    EXPECT_TRUE(page.trainingRunner()->isRunning());
    ASSERT_EQ(page.runsTable()->rowCount(), 1);
    ASSERT_TRUE(waitForStatus(1, "finished", 15000))
        << page.runsTable()->cellText(1, RunsTable::StatusColumn).toStdString();

    // Curves: two epochs of train and validation RMSE, the best epoch marked.
    CurvePlot* curves = page.curvePlot();
    ASSERT_EQ(curves->seriesCount(), 1);
    ASSERT_TRUE(
        testing::waitUntil([&] { return curves->validationGraph(0)->dataCount() == 2; }, 2000));
    EXPECT_EQ(curves->trainGraph(0)->dataCount(), 2);
    EXPECT_EQ(curves->bestMarker(0)->dataCount(), 1);
    EXPECT_EQ(curves->validationGraph(0)->name(), "#1 upsample · L2 · code 2");

    // The table row.
    const RunsTable* table = page.runsTable();
    EXPECT_EQ(table->cellText(1, RunsTable::DecoderColumn), "upsample");
    EXPECT_EQ(table->cellText(1, RunsTable::LossColumn), "L2");
    EXPECT_EQ(table->cellText(1, RunsTable::CodeColumn), "2");
    EXPECT_EQ(table->cellText(1, RunsTable::EpochsColumn), "2/2");
    const int bestEpoch = table->cellText(1, RunsTable::BestEpochColumn).toInt();
    EXPECT_TRUE(bestEpoch == 1 || bestEpoch == 2);
    bool ok = false;
    const double bestRmse = table->cellText(1, RunsTable::BestValidationColumn).toDouble(&ok);
    EXPECT_TRUE(ok);
    EXPECT_GT(bestRmse, 0.0);
    EXPECT_LT(bestRmse, 1.0);

    // Digits (5 inputs above 5 reconstructions) and the 2-D codes of every validation digit.
    ASSERT_TRUE(testing::waitUntil([&] { return page.codeScatter()->pointCount() > 0; }, 2000));
    EXPECT_EQ(page.codeScatter()->pointCount(),
              static_cast<int>(testing::smallData()->mnist.validation.size()));
    EXPECT_TRUE(page.codeScatter()->isVisibleTo(&page));
    ASSERT_EQ(page.reconstructions()->tiles().size(), 10u);
    for (const auto& tile : page.reconstructions()->tiles())
        EXPECT_EQ(tile.image.size(), QSize(32, 32));

    EXPECT_FALSE(page.trainingRunner()->isRunning());
    EXPECT_FALSE(page.stopButton()->isEnabled());
    EXPECT_TRUE(page.progressView()->text().startsWith("Done"))
        << page.progressView()->text().toStdString();
    EXPECT_FALSE(page.banner()->isVisibleTo(&page));
}

TEST_F(AutoencoderPageTest, RefusesInvalidSettingsAndSaysWhy) {
    page.settings()->learningRateEdit()->setText("fast");
    page.trainButton()->click();
    EXPECT_TRUE(page.banner()->isVisibleTo(&page));
    EXPECT_EQ(page.banner()->kind(), MessageBanner::Kind::Error);
    EXPECT_TRUE(page.banner()->text().contains("is not a number"))
        << page.banner()->text().toStdString();

    page.settings()->learningRateEdit()->setText("0");
    page.queueButton()->click();
    EXPECT_TRUE(page.banner()->text().contains("learning rate must be a finite number in (0, 10]"))
        << page.banner()->text().toStdString();
    EXPECT_FALSE(page.trainingRunner()->isRunning());
    EXPECT_EQ(page.runsTable()->rowCount(), 0);
    EXPECT_EQ(page.curvePlot()->seriesCount(), 0);
}

TEST_F(AutoencoderPageTest, StopEndsTheTrainingAtTheNextBatch) {
    page.settings()->epochsBox()->setValue(100);
    page.settings()->batchesPerEpochBox()->setValue(0);  // whole epochs
    QSignalSpy progress(page.trainingRunner(), &AutoencoderTrainingRunner::progress);
    page.trainButton()->click();
    ASSERT_TRUE(testing::waitUntil([&] { return !progress.isEmpty(); }, 10000));
    EXPECT_TRUE(page.stopButton()->isEnabled());
    EXPECT_TRUE(page.progressView()->text().contains("Epoch 1/100"))
        << page.progressView()->text().toStdString();

    // Counted in progress reports, not seconds: the running batch may report, and the last one is
    // flushed; no more.
    const auto reportsAtStop = progress.size();
    page.stopButton()->click();
    ASSERT_TRUE(testing::waitUntil([&] { return !page.trainingRunner()->isRunning(); }, 60000));
    EXPECT_LE(progress.size(), reportsAtStop + 2);
    EXPECT_EQ(page.runsTable()->cellText(1, RunsTable::StatusColumn), "cancelled");
    EXPECT_FALSE(page.stopButton()->isEnabled());
}

TEST_F(AutoencoderPageTest, PauseButtonPausesAndResumes) {
    page.settings()->epochsBox()->setValue(100);
    page.settings()->batchesPerEpochBox()->setValue(0);
    QSignalSpy progress(page.trainingRunner(), &AutoencoderTrainingRunner::progress);
    page.trainButton()->click();
    ASSERT_TRUE(testing::waitUntil([&] { return !progress.isEmpty(); }, 10000));
    page.pauseButton()->click();
    EXPECT_TRUE(page.trainingRunner()->isPaused());
    EXPECT_EQ(page.pauseButton()->text(), "Resume");
    EXPECT_TRUE(page.progressView()->text().startsWith("Paused"));
    page.pauseButton()->click();
    EXPECT_FALSE(page.trainingRunner()->isPaused());
    EXPECT_EQ(page.pauseButton()->text(), "Pause");
    page.stopTraining();
    ASSERT_TRUE(testing::waitUntil([&] { return !page.trainingRunner()->isRunning(); }, 60000));
}

TEST_F(AutoencoderPageTest, ExplainsWhyThereIsNoScatterForCodeSizeSeven) {
    page.settings()->codeSizeBox()->setValue(7);
    page.settings()->epochsBox()->setValue(1);
    page.settings()->batchesPerEpochBox()->setValue(1);
    page.trainButton()->click();
    ASSERT_TRUE(waitForStatus(1, "finished", 15000));
    ASSERT_TRUE(
        testing::waitUntil([&] { return page.reconstructions()->tiles().size() == 10; }, 2000));
    EXPECT_FALSE(page.codeScatter()->isVisibleTo(&page));
    EXPECT_EQ(page.codeScatter()->pointCount(), 0);
}

TEST_F(AutoencoderPageTest, ShowsADivergedRunInWords) {
    page.settings()->epochsBox()->setValue(1);
    page.settings()->batchesPerEpochBox()->setValue(1);
    page.trainButton()->click();
    ASSERT_TRUE(waitForStatus(1, "finished", 15000));
    // A real divergence needs an unlucky model; the page's handling is what is tested here.
    train::TrainingResult diverged;
    diverged.status = train::TrainingResult::Status::Diverged;
    diverged.message = "the training loss became NaN at epoch 3, batch 7; training stopped";
    Q_EMIT page.trainingRunner()->runFinished(1, diverged);
    EXPECT_TRUE(page.banner()->isVisibleTo(&page));
    EXPECT_TRUE(page.banner()->text().contains("diverged")) << page.banner()->text().toStdString();
    EXPECT_TRUE(page.banner()->text().contains("became NaN at epoch 3"));
    EXPECT_EQ(page.runsTable()->cellText(1, RunsTable::StatusColumn), "diverged");
}

TEST_F(AutoencoderPageTest, WritesEachRunIntoItsOwnFolder) {
    QTemporaryDir base;
    ASSERT_TRUE(base.isValid());
    page.settings()->setRunFolderBase(base.path());
    page.settings()->epochsBox()->setValue(1);
    page.settings()->batchesPerEpochBox()->setValue(1);
    page.trainButton()->click();
    page.trainButton()->click();  // the same settings in the same second: another folder
    ASSERT_TRUE(waitForStatus(2, "finished", 15000));
    const QStringList runs =
        QDir(base.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    ASSERT_EQ(runs.size(), 2) << runs.join(", ").toStdString();
    EXPECT_TRUE(runs[0].endsWith("-upsample-l2-code2")) << runs[0].toStdString();
    for (const QString& run : runs) {
        const QDir folder(QDir(base.path()).filePath(run));
        EXPECT_TRUE(folder.exists("config.json"));
        EXPECT_TRUE(folder.exists("metrics.csv"));
        EXPECT_TRUE(folder.exists("best.pt"));
    }
    EXPECT_TRUE(
        page.runsTable()->item(0, RunsTable::StatusColumn)->toolTip().contains(base.path()));
}

TEST_F(AutoencoderPageTest, ContinuesAnOpenedRunInItsOwnFolder) {
    QTemporaryDir base;
    ASSERT_TRUE(base.isValid());
    page.settings()->setRunFolderBase(base.path());
    page.settings()->epochsBox()->setValue(1);
    page.trainButton()->click();
    ASSERT_TRUE(waitForStatus(1, "finished", 15000));
    const QStringList runs = QDir(base.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    ASSERT_EQ(runs.size(), 1);
    const QString folder = QDir(base.path()).filePath(runs.front());

    EXPECT_FALSE(page.continueButton()->isEnabled());  // a run trained here is not "opened"
    QSignalSpy opened(&page, &AutoencoderPage::runOpened);
    page.openRun(folder);
    ASSERT_TRUE(testing::waitUntil([&] { return opened.count() == 1; }, 15000));
    ASSERT_TRUE(page.continueButton()->isEnabled());
    page.settings()->epochsBox()->setValue(2);
    page.continueButton()->click();
    ASSERT_TRUE(waitForStatus(2, "finished", 15000))
        << page.runsTable()->cellText(2, RunsTable::StatusColumn).toStdString();
    // One more epoch in the same folder, after the first: nothing repeated, no second folder.
    EXPECT_EQ(QDir(base.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    QFile metrics(QDir(folder).filePath("metrics.csv"));
    ASSERT_TRUE(metrics.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(metrics.readAll()).trimmed().split('\n');
    ASSERT_EQ(lines.size(), 3) << lines.join(" | ").toStdString();
    EXPECT_TRUE(lines[1].startsWith("1,"));
    EXPECT_TRUE(lines[2].startsWith("2,"));
}

// The centre of tile (row, column) of the manifold shown, in the view's coordinates.
QPointF tileCentre(const CodeManifoldView& view, int row, int column) {
    const infer::PlaneRange range = view.chart().range;
    const int steps = view.chart().canvas.width() / 32;
    const double width = (range.xMax - range.xMin) / steps, height = (range.yMax - range.yMin) / steps;
    return view.tilesPosition(
        QPointF(range.xMin + (column + 0.5) * width, range.yMax - (row + 0.5) * height));
}

TEST_F(AutoencoderPageTest, AnOpenedRunsCodeManifoldDecodesTheHoveredPointAndHandsOnAClickedOne) {
    page.show();
    QSignalSpy opened(&page, &AutoencoderPage::runOpened);
    page.openRun(QString::fromStdString(testing::tinyAutoencoderRun().string()));
    ASSERT_TRUE(testing::waitUntil([&] { return opened.count() == 1; }, 15000));
    CodeManifoldPanel* manifold = page.manifold();
    CodeManifoldView* view = manifold->view();
    testing::waitUntil([] { return false; }, 200);
    EXPECT_EQ(manifold->lastRequestedManifold(), 0u) << "nothing is computed while the tab is hidden";

    page.tabs()->setCurrentWidget(manifold);
    ASSERT_TRUE(testing::waitUntil([&] { return view->hasChart(); }, 10000));
    // The run has a code of size 2: the plane is its code space, every validation digit on it.
    EXPECT_TRUE(manifold->planeLabel()->text().startsWith("Code size 2"))
        << manifold->planeLabel()->text().toStdString();
    EXPECT_FALSE(manifold->planeLabel()->text().contains("slice"));
    EXPECT_EQ(view->chart().points.size(), 2 * testing::smallData()->mnist.validation.size());
    EXPECT_EQ(view->chart().canvas.size(), QSize(15 * 32, 15 * 32));

    const QPointF at = tileCentre(*view, 4, 9);
    testing::sendMouse(*view, QEvent::MouseMove, at);
    ASSERT_TRUE(testing::waitUntil(
        [&] { return manifold->lastPointSequence() > 0 && !manifold->pointView()->tiles().empty(); }, 5000));
    const QImage hovered = manifold->pointView()->tiles().front().image;
    ASSERT_EQ(hovered.size(), QSize(32, 32));
    EXPECT_LT(testing::meanDifference(hovered, view->chart().canvas.copy(9 * 32, 4 * 32, 32, 32)), 4.0)
        << "the hovered point decodes like its tile";

    std::vector<std::pair<AdditionInput, QString>> chosen;
    QObject::connect(&page, &AutoencoderPage::inputChosen, &page,
            [&](const AdditionInput& input, const QString& name) { chosen.emplace_back(input, name); });
    testing::sendMouse(*view, QEvent::MouseButtonRelease, at, Qt::LeftButton);
    ASSERT_TRUE(testing::waitUntil([&] { return chosen.size() == 1; }, 5000));
    EXPECT_EQ(chosen.front().first.digit, -1);
    EXPECT_LT(testing::meanDifference(chosen.front().first.toImage(), hovered), 1.0);
    EXPECT_TRUE(chosen.front().second.startsWith("point (")) << chosen.front().second.toStdString();
}

TEST_F(AutoencoderPageTest, TheCodeManifoldFollowsARunBeingTrained) {
    page.show();
    CodeManifoldPanel* manifold = page.manifold();
    page.tabs()->setCurrentWidget(manifold);
    EXPECT_FALSE(manifold->view()->hasChart());
    EXPECT_TRUE(manifold->planeLabel()->text().startsWith("Train a run or open one"));

    page.trainButton()->click();
    ASSERT_TRUE(waitForStatus(1, "finished", 15000));
    // Each epoch's copy of the model is drawn; the last one asked for is the one shown.
    ASSERT_TRUE(testing::waitUntil(
        [&] {
            return manifold->view()->hasChart() &&
                   manifold->lastManifoldSequence() == manifold->lastRequestedManifold();
        },
        10000));
    EXPECT_TRUE(manifold->planeLabel()->text().startsWith("Code size 2"));
    EXPECT_EQ(manifold->view()->chart().points.size(), 2 * testing::smallData()->mnist.validation.size());
}

TEST(AutoencoderPageInWindow, AClickedPointOfARunsManifoldIsAddedToInTheAdditionExplorer) {
    MainWindow window({});
    QSignalSpy loaded(&window, &MainWindow::dataChanged);
    ASSERT_TRUE(testing::waitUntil([&] { return !loaded.isEmpty(); }, 15000));
    window.show();
    AutoencoderPage* page = window.autoencoderPage();
    QSignalSpy opened(page, &AutoencoderPage::runOpened);
    ASSERT_TRUE(window.openRun(QString::fromStdString(testing::tinyAutoencoderRun().string())));
    ASSERT_TRUE(testing::waitUntil([&] { return opened.count() == 1; }, 15000));
    EXPECT_EQ(window.currentPageName(), "Autoencoder");
    page->tabs()->setCurrentWidget(page->manifold());
    CodeManifoldView* view = page->manifold()->view();
    ASSERT_TRUE(testing::waitUntil([&] { return view->hasChart(); }, 10000));

    testing::sendMouse(*view, QEvent::MouseButtonRelease, tileCentre(*view, 7, 7), Qt::LeftButton);
    ASSERT_TRUE(testing::waitUntil([&] { return window.currentPageName() == "Addition"; }, 5000));
    AdditionExplorerPanel* explorer = window.additionPage()->explorer();
    EXPECT_TRUE(explorer->manifoldSource()->isChecked());
    EXPECT_TRUE(explorer->inputName().startsWith("point (")) << explorer->inputName().toStdString();
    EXPECT_EQ(explorer->currentInput().rows, 32);
}

TEST(AutoencoderPageInWindow, DestroyingTheWindowWhileTrainingNeitherHangsNorCrashes) {
    auto window = std::make_unique<MainWindow>(MainWindowOptions{});
    QSignalSpy loaded(window.get(), &MainWindow::dataChanged);
    ASSERT_TRUE(testing::waitUntil([&] { return !loaded.isEmpty(); }, 15000));
    ASSERT_TRUE(window->showPage("autoencoder"));
    EXPECT_EQ(window->currentPageName(), "Autoencoder");
    AutoencoderPage* page = window->autoencoderPage();
    testing::setTinyTraining(*page->settings());
    page->settings()->epochsBox()->setValue(100);
    page->settings()->batchesPerEpochBox()->setValue(0);
    QSignalSpy progress(page->trainingRunner(), &AutoencoderTrainingRunner::progress);
    page->trainButton()->click();
    ASSERT_TRUE(testing::waitUntil([&] { return !progress.isEmpty(); }, 10000));

    window.reset();  // returns (a hang would meet the test's timeout) and does not crash
}

TEST(AutoencoderPageInWindow, ClosingTheWindowStopsTheTraining) {
    MainWindow window({});
    QSignalSpy loaded(&window, &MainWindow::dataChanged);
    ASSERT_TRUE(testing::waitUntil([&] { return !loaded.isEmpty(); }, 15000));
    window.show();
    AutoencoderPage* page = window.autoencoderPage();
    testing::setTinyTraining(*page->settings());
    page->settings()->epochsBox()->setValue(100);
    page->settings()->batchesPerEpochBox()->setValue(0);
    QSignalSpy progress(page->trainingRunner(), &AutoencoderTrainingRunner::progress);
    page->trainButton()->click();
    ASSERT_TRUE(testing::waitUntil([&] { return !progress.isEmpty(); }, 10000));
    page->pauseButton()->click();  // a paused run must end too

    // Closed the way a window manager closes it (the close button, Alt+F4).
    EXPECT_TRUE(testing::closeLikeAWindowManager(window));
    EXPECT_FALSE(window.isVisible());  // the window goes first, then the workers are waited for
    // The worker thread has ended: no run is going on, and none starts.
    EXPECT_FALSE(page->trainingRunner()->isRunning());
    EXPECT_FALSE(page->stopButton()->isEnabled());
    const auto data = testing::embeddedData();
    const auto refused = page->trainingRunner()->enqueue({}, {data, &data->mnist});
    ASSERT_TRUE(refused.has_value());
    EXPECT_TRUE(refused->contains("shut down"));
}

}  // namespace
}  // namespace learn2add::ui
