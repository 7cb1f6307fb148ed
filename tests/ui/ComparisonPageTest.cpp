#include "comparison/ComparisonPage.h"

#include <gtest/gtest.h>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QTabWidget>
#include <cstdio>
#include <memory>
#include <set>

#include "addition/AddendControl.h"
#include "addition/AdditionGridView.h"
#include "comparison/ComparisonInference.h"
#include "comparison/ComparisonModelColumn.h"
#include "comparison/ComparisonModelRow.h"
#include "comparison/ComparisonReadingsTable.h"
#include "comparison/ComparisonRunBar.h"
#include "comparison/ExpectedDigitPlot.h"
#include "comparison/LatentPathPlot.h"
#include "widgets/MessageBanner.h"
#include "ui/AdditionRunFixtures.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

constexpr int kAe = 0, kVae = 1, kGenerative = 2;

// Saves a picture of the widget when LEARN2ADD_SCREENSHOT_DIR is set.
void keepComparisonScreenshot(QWidget& widget, const QString& name) {
    const QString folder = qEnvironmentVariable("LEARN2ADD_SCREENSHOT_DIR");
    if (!folder.isEmpty()) widget.grab().save(folder + "/" + name + ".png");
}

bool differ(const QImage& a, const QImage& b) {
    return a.size() == b.size() && a != b;
}

// A page with the three tiny runs (AE + P, VAE + P, VAE + generative P) and the judge opened.
class ComparisonPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        runs = &testing::tinyComparisonRuns();
        page.resize(1500, 950);
        page.setData(testing::tinyComparisonData());
        page.show();
        page.openJudgeRun(runs->judge);
        page.openRun(kAe, runs->addition);
        page.openRun(kVae, runs->variational);
        page.openRun(kGenerative, runs->generative);
        ASSERT_TRUE(testing::waitUntil(
            [&] {
                return page.inference()->hasJudge() && page.lastView().rows.size() == 3 &&
                       page.lastShownView() == page.lastRequestedView();
            },
            15000))
            << page.banner()->text().toStdString();
    }
    bool waitForView() {
        return testing::waitUntil([&] { return page.lastShownView() == page.lastRequestedView(); },
                                  5000);
    }
    bool waitForStudy() {
        return testing::waitUntil(
            [&] { return page.lastShownStudy() == page.lastRequestedStudy(); }, 5000);
    }

    const testing::TinyComparisonRuns* runs = nullptr;
    ComparisonPage page;
};

TEST_F(ComparisonPageTest, OpensThreeRunsAndAJudgeAndFillsThreeRows) {
    EXPECT_EQ(page.runBar()->slotFolder(kAe), runs->addition);
    EXPECT_EQ(page.runBar()->slotFolder(kGenerative), runs->generative);
    EXPECT_TRUE(page.runBar()->slotText(kAe).contains("AE + P"));
    EXPECT_TRUE(page.runBar()->slotText(kVae).contains("VAE + P"));
    EXPECT_TRUE(page.runBar()->slotText(kGenerative).contains("VAE + generative P"));
    EXPECT_TRUE(page.runBar()->slotText(kJudgeSlot).contains("test accuracy"));

    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        const ComparisonModelRow* row = page.row(slot);
        EXPECT_TRUE(row->hasRun());
        ASSERT_EQ(row->meanView()->tiles().size(), 1u);
        EXPECT_EQ(row->meanView()->tiles()[0].image.size(), QSize(32, 32));
        EXPECT_TRUE(row->meanView()->tiles()[0].caption.contains("→")) << "the judge's reading";
    }
    // Deterministic: no samples. Variational: K = 8 samples, their mean and deviation.
    EXPECT_FALSE(page.row(kAe)->isVariational());
    EXPECT_TRUE(page.row(kAe)->samplesView()->tiles().empty());
    for (int slot : {kVae, kGenerative}) {
        EXPECT_TRUE(page.row(slot)->isVariational());
        EXPECT_EQ(page.row(slot)->samplesView()->tiles().size(), 8u);
        EXPECT_EQ(page.row(slot)->statisticsView()->tiles().size(), 2u);
    }
    std::printf("one view of three models with K = 8: %.1f ms on the worker\n",
                page.lastView().seconds * 1000.0);

    // The fixed strip 7 + 1, 2, 1.5, 1.4, 1.6, read by the judge, for every model.
    ASSERT_TRUE(waitForStudy());
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        const auto& strip = page.row(slot)->stripView()->tiles();
        ASSERT_EQ(strip.size(), 5u);
        EXPECT_TRUE(strip[2].caption.startsWith("+1.5→")) << strip[2].caption.toStdString();
    }
    // The same readings in numbers: "digit read · expected digit".
    ComparisonReadingsTable* table = page.readingsTable();
    const QRegularExpression reading(QStringLiteral("^\\d · \\d\\.\\d\\d$"));
    const int fractional = ComparisonReadingsTable::kFirstStripRow + 2;
    EXPECT_EQ(table->verticalHeaderItem(fractional)->text(), "7 + 1.5");
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        EXPECT_TRUE(reading.match(table->cellText(slot, fractional)).hasMatch())
            << table->cellText(slot, fractional).toStdString();
        EXPECT_TRUE(
            reading.match(table->cellText(slot, ComparisonReadingsTable::kCurrentRow)).hasMatch());
    }
    EXPECT_EQ(table->horizontalHeaderItem(kGenerative)->text(), "VAE + generative P");
}

TEST_F(ComparisonPageTest, OneSliderDrivesEveryRowAndRapidMovesCoalesce) {
    AddendControl* addend = page.addendControl();
    std::array<QImage, kComparisonSlots> before;
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        before[slot] = page.row(slot)->meanView()->tiles()[0].image;
    }
    std::array<quint64, kComparisonSlots> shown{};
    for (int slot = 0; slot < kComparisonSlots; ++slot) shown[slot] = page.row(slot)->viewsShown();
    addend->slider()->setValue(800);  // 8.00
    ASSERT_TRUE(waitForView());
    EXPECT_DOUBLE_EQ(page.lastView().addend, 8.0);
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        EXPECT_GT(page.row(slot)->viewsShown(), shown[slot]) << "slot " << slot;
        EXPECT_TRUE(differ(before[slot], page.row(slot)->meanView()->tiles()[0].image))
            << "slot " << slot;
    }
    EXPECT_DOUBLE_EQ(page.transitionPlot()->markedAddend(), 8.0);

    // 100 slider moves in a burst, as a fast drag posts them.
    const int received = page.viewsReceived();
    for (int k = 1; k <= 100; ++k) addend->slider()->setValue(k * 3);
    // Moving the slider only posts requests: no view is computed or delivered inside setValue().
    EXPECT_EQ(page.viewsReceived(), received) << "views were computed on the GUI thread";
    ASSERT_TRUE(waitForView());
    testing::waitUntil([] { return false; }, 200);  // nothing else may follow
    const int computed = page.viewsReceived() - received;
    std::printf("100 slider moves -> %d computed views\n", computed);
    EXPECT_GE(computed, 1);
    // Coalesced: far fewer views than moves (how many depends on the worker's speed against the
    // GUI thread's, so only the order of magnitude is checked).
    EXPECT_LE(computed, 25) << "100 moves posted in a burst must coalesce";
    EXPECT_DOUBLE_EQ(page.lastView().addend, 3.0);
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        EXPECT_TRUE(page.row(slot)->meanView()->toolTip().startsWith("7 + 3.00"));
    }
}

TEST_F(ComparisonPageTest, TheGenerativeRowShowsKSamplesThatDifferAndASeedRepeatsThem) {
    const auto samples = [&] {
        std::vector<QImage> images;
        for (const auto& tile : page.row(kGenerative)->samplesView()->tiles()) {
            images.push_back(tile.image);
        }
        return images;
    };
    const std::vector<QImage> first = samples();
    ASSERT_EQ(first.size(), 8u);
    std::set<QByteArray> distinct;
    for (const QImage& image : first) {
        distinct.insert(QByteArray(reinterpret_cast<const char*>(image.constBits()),
                                   static_cast<int>(image.sizeInBytes())));
    }
    EXPECT_GE(distinct.size(), 2u) << "the samples of a generative model must differ";
    const QImage spread = page.row(kGenerative)->statisticsView()->tiles()[1].image;
    int lit = 0;
    for (int y = 0; y < spread.height(); ++y) {
        for (int x = 0; x < spread.width(); ++x) lit += qGray(spread.pixel(x, y)) > 0 ? 1 : 0;
    }
    EXPECT_GT(lit, 0) << "the samples' standard deviation is zero everywhere";

    page.seedBox()->setValue(page.seedBox()->value() + 1);
    ASSERT_TRUE(waitForView());
    EXPECT_NE(samples(), first) << "another seed draws other samples";
    page.seedBox()->setValue(page.seedBox()->value() - 1);
    ASSERT_TRUE(waitForView());
    EXPECT_EQ(samples(), first) << "the same seed draws the same samples";

    page.samplesBox()->setValue(3);
    ASSERT_TRUE(waitForView());
    EXPECT_EQ(samples().size(), 3u);
    EXPECT_TRUE(page.row(kAe)->samplesView()->tiles().empty());
}

TEST_F(ComparisonPageTest, AccuracyGridsTransitionsAndLatentPathsAppearForEveryModel) {
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        ComparisonModelColumn* column = page.column(slot);
        ASSERT_TRUE(testing::waitUntil(
            [&] {
                return column->accuracyText().contains("pairs)") &&
                       !column->gridView()->grid().canvas.isNull() &&
                       column->latentPlot()->pointCount() > 0;
            },
            20000))
            << "slot " << slot << ": " << column->accuracyText().toStdString();
        EXPECT_TRUE(page.row(slot)->accuracyText().contains("test split"));
        EXPECT_TRUE(page.readingsTable()
                        ->cellText(slot, ComparisonReadingsTable::kAccuracyRow)
                        .endsWith("%"));
        EXPECT_EQ(column->gridView()->grid().judgedCells(), 55);
        EXPECT_EQ(column->latentPlot()->pointCount(), 50);  // the tiny validation split
    }
    // The plane is known now: the study and the view that follow it draw the paths and rings.
    ASSERT_TRUE(testing::waitUntil(
        [&] {
            return page.lastShownStudy() == page.lastRequestedStudy() &&
                   page.lastShownView() == page.lastRequestedView() &&
                   page.column(kGenerative)->latentPlot()->pathPointCount() > 0;
        },
        5000));
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        // 7 + u for u = 0 .. 2 in 0.05 steps.
        EXPECT_EQ(page.column(slot)->latentPlot()->pathPointCount(), 41) << "slot " << slot;
        EXPECT_TRUE(page.column(slot)->latentPlot()->hasMark());
    }

    ExpectedDigitPlot* plot = page.transitionPlot();
    EXPECT_EQ(plot->modelCurveCount(), 3);
    for (int slot = 0; slot < kComparisonSlots; ++slot) {
        EXPECT_EQ(plot->modelGraph(slot)->dataCount(), 101) << "slot " << slot;
        const double expected = plot->modelGraph(slot)->data()->at(50)->value;
        EXPECT_GE(expected, 0.0);
        EXPECT_LE(expected, 9.0);
    }
    EXPECT_EQ(plot->exactGraph()->dataCount(), 2);  // the dashed digit + u

    testing::waitUntil([] { return false; }, 300);
    keepComparisonScreenshot(page, "compare-outputs");
    page.showTab(1);
    testing::waitUntil([] { return false; }, 300);
    keepComparisonScreenshot(page, "compare-models");
}

TEST_F(ComparisonPageTest, ARunOfTheWrongKindIsRefusedAndTheSlotKeepsItsModel) {
    const QString before = page.runBar()->slotText(kVae);
    page.openRun(kVae, runs->judge);
    ASSERT_TRUE(testing::waitUntil([&] { return page.banner()->isVisible(); }, 5000));
    EXPECT_EQ(page.banner()->kind(), MessageBanner::Kind::Error);
    const std::string message = page.banner()->text().toStdString();
    EXPECT_NE(message.find("slot 2"), std::string::npos) << message;
    EXPECT_NE(message.find("judge"), std::string::npos) << message;
    EXPECT_NE(message.find("still in use"), std::string::npos) << message;
    EXPECT_EQ(page.runBar()->slotText(kVae), before);
    EXPECT_EQ(page.runBar()->slotFolder(kVae), runs->variational);

    page.banner()->hide();
    page.openRun(kAe, runs->empty);  // not a run at all
    ASSERT_TRUE(testing::waitUntil([&] { return page.banner()->isVisible(); }, 5000));
    EXPECT_EQ(page.runBar()->slotFolder(kAe), runs->addition);

    page.banner()->hide();
    page.openJudgeRun(runs->addition);  // an addition run is no judge
    ASSERT_TRUE(testing::waitUntil([&] { return page.banner()->isVisible(); }, 5000));
    EXPECT_TRUE(page.banner()->text().contains("judge run"));
    EXPECT_EQ(page.runBar()->slotFolder(kJudgeSlot), runs->judge);

    // Every model still answers.
    page.addendControl()->setAddend(2.0);
    ASSERT_TRUE(waitForView());
    EXPECT_EQ(page.lastView().rows.size(), 3u);
}

TEST(ComparisonPageShutdown, DestroyingThePageMidComputationNeitherHangsNorCrashes) {
    const auto& runs = testing::tinyComparisonRuns();
    auto page = std::make_unique<ComparisonPage>();
    page->setData(testing::tinyComparisonData());
    page->openJudgeRun(runs.judge);
    page->openRun(kAe, runs.addition);
    page->openRun(kVae, runs.variational);
    page->openRun(kGenerative, runs.generative);
    ASSERT_TRUE(testing::waitUntil([&] { return page->lastShownView() > 0; }, 15000));
    // The accuracy passes are under way; ask for more work and leave.
    page->samplesBox()->setValue(32);
    for (int k = 0; k < 20; ++k) page->addendControl()->setAddend(k * 0.1);
    page.reset();  // returns (a hang would meet the test's timeout) and does not crash
}

TEST(ComparisonPageLaunch, MeasuresItsModelsOnlyOnceFirstShown) {
    // At launch the page is hidden behind the Addition page: its accuracy passes (seconds of
    // work) wait, while a view asked for is still answered.
    const auto& runs = testing::tinyComparisonRuns();
    ComparisonPage page;
    QSignalSpy accuracies(page.inference(), &ComparisonInference::accuracyReady);
    QSignalSpy grids(page.inference(), &ComparisonInference::gridReady);
    QSignalSpy views(page.inference(), &ComparisonInference::viewReady);
    page.setData(testing::tinyComparisonData());
    page.openJudgeRun(runs.judge);
    page.openRun(kAe, runs.addition);
    ASSERT_TRUE(testing::waitUntil([&] { return !views.isEmpty(); }, 15000))
        << page.banner()->text().toStdString();
    QTest::qWait(300);  // time enough for a grid, had it been started
    EXPECT_TRUE(accuracies.isEmpty());
    EXPECT_TRUE(grids.isEmpty());

    page.show();
    EXPECT_TRUE(testing::waitUntil([&] { return !grids.isEmpty() && !accuracies.isEmpty(); },
                                   15000));
}

}  // namespace
}  // namespace learn2add::ui
