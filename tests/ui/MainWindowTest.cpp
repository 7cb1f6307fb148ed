#include "shell/MainWindow.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <fstream>
#include <QTableWidget>
#include <gtest/gtest.h>

#include "core/data/IdxFixtures.h"
#include "data/DataLoader.h"
#include "data/DataPage.h"
#include "data/PairDistributionPlot.h"
#include "widgets/MessageBanner.h"
#include "shell/RecentRuns.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

// Waits for the next load to finish; returns true when it succeeded.
bool waitForDataLoad(MainWindow& window) {
    QSignalSpy loaded(&window, &MainWindow::dataChanged);
    QSignalSpy failed(window.dataLoader(), &DataLoader::failed);
    for (int i = 0; i < 300 && loaded.isEmpty() && failed.isEmpty(); ++i) loaded.wait(50);
    return !loaded.isEmpty();
}

TEST(MainWindow, OpensOnTheDataPageWithTheEmbeddedData) {
    MainWindow window({});
    window.show();
    EXPECT_EQ(window.currentPageName(), "Data");
    ASSERT_TRUE(waitForDataLoad(window));
    const DataPage* page = window.dataPage();
    ASSERT_NE(page->data(), nullptr);
    EXPECT_EQ(page->data()->mnist.train.size() + page->data()->mnist.validation.size() +
                  page->data()->mnist.test.size(),
              10000u);
    // The split table shows the train total; the mosaics hold digits; the plot has bars.
    EXPECT_EQ(page->splitTable()->item(0, 0)->text().toULongLong(), page->data()->mnist.train.size());
    ASSERT_EQ(page->sampleDigits()->tiles().size(), 100u);
    for (const auto& tile : page->sampleDigits()->tiles()) EXPECT_FALSE(tile.image.isNull());
    EXPECT_EQ(page->pairExamples()->tiles().size(), 20u);
    const auto& bars = page->distributionPlot()->addendBars();
    ASSERT_EQ(bars.size(), 10);
    EXPECT_EQ(bars[0]->data()->size(), 10);  // addend 0 reaches every result
    EXPECT_EQ(bars[9]->data()->size(), 1);   // addend 9 only reaches 9
    EXPECT_EQ(bars[3]->data()->at(0)->key, 3.0);
    EXPECT_DOUBLE_EQ(bars[3]->data()->at(0)->value,
                     double(page->data()->trainPairs.countByResultAndAddend[3][3]));
}

TEST(MainWindow, PairExamplesAddUp) {
    MainWindow window({});
    ASSERT_TRUE(waitForDataLoad(window));
    const auto& tiles = window.dataPage()->pairExamples()->tiles();
    for (std::size_t k = 0; k + 1 < tiles.size(); k += 2) {
        const QStringList input = tiles[k].caption.split(" + ");
        ASSERT_EQ(input.size(), 2);
        const int sum = input[0].toInt() + input[1].toInt();
        EXPECT_EQ(tiles[k + 1].caption, QString("= %1").arg(sum));
    }
}

TEST(MainWindow, BadFolderKeepsTheDataAndSaysWhy) {
    MainWindow window({});
    ASSERT_TRUE(waitForDataLoad(window));
    const LoadedData* before = window.loadedData();

    data::testing::TempFolder folder;  // empty: the MNIST files are missing
    window.openData(QString::fromStdString(folder.path().string()));
    EXPECT_FALSE(waitForDataLoad(window));
    EXPECT_TRUE(window.banner()->isVisibleTo(&window));
    EXPECT_EQ(window.banner()->kind(), MessageBanner::Kind::Error);
    EXPECT_TRUE(window.banner()->text().contains("train-images-idx3-ubyte")) << window.banner()->text().toStdString();
    EXPECT_TRUE(window.banner()->text().contains("still in use"));
    EXPECT_EQ(window.loadedData(), before);
}

TEST(MainWindow, OpensAnMnistFolder) {
    data::testing::TempFolder folder;
    data::testing::writeMnistFolder(folder.path(), data::testing::balancedLabels(20),
                                    data::testing::balancedLabels(4), true);
    MainWindow window({.dataFolder = QString::fromStdString(folder.path().string()), .seed = 1});
    ASSERT_TRUE(waitForDataLoad(window));
    EXPECT_EQ(window.loadedData()->mnist.test.size(), 40u);
    EXPECT_EQ(window.dataPage()->splitTable()->item(2, 0)->text(), "40");
}

TEST(MainWindow, ClosingWhileLoadingIsSafe) {
    auto window = std::make_unique<MainWindow>(MainWindowOptions{});
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    EXPECT_TRUE(testing::closeLikeAWindowManager(*window));  // the embedded data still loading
    EXPECT_FALSE(window->isVisible());
    window.reset();  // the destructor waits for the running load; nothing crashes or hangs
}

TEST(MainWindow, AWindowManagersCloseIsNeverIgnored) {
    // Shown, closed, shown again, closed again: each request is taken, on any page.
    MainWindow window({});
    ASSERT_TRUE(waitForDataLoad(window));
    for (const char* page : {"Data", "Autoencoder", "Addition", "Compare"}) {
        SCOPED_TRACE(page);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        ASSERT_TRUE(window.showPage(page));
        EXPECT_TRUE(testing::closeLikeAWindowManager(window));
        EXPECT_FALSE(window.isVisible());
    }
}

TEST(MainWindow, OpenRunSendsEachKindToItsPageAndRemembersIt) {
    data::testing::TempFolder folder;
    const auto writeRun = [&](const char* name, const char* config) {
        std::filesystem::create_directories(folder.path() / name);
        std::ofstream(folder.path() / name / "config.json") << config;
        return QString::fromStdString((folder.path() / name).string());
    };
    const QString judge = writeRun("judge", R"({"kind": "judge"})");
    const QString unknown = writeRun("mystery", R"({"kind": "mystery"})");
    const QString notARun = QString::fromStdString(folder.path().string());
    RecentRuns().clear();
    MainWindow window({});
    window.show();
    EXPECT_TRUE(window.openRun(judge));
    EXPECT_EQ(window.currentPageName(), "Addition");
    ASSERT_FALSE(RecentRuns().folders().isEmpty());
    EXPECT_EQ(RecentRuns().folders().front(), QDir(judge).absolutePath());
    // Runs this window cannot show, and folders that are no runs, are refused with the reason.
    EXPECT_FALSE(window.openRun(unknown));
    EXPECT_TRUE(window.banner()->isVisibleTo(&window));
    EXPECT_TRUE(window.banner()->text().contains("mystery")) << window.banner()->text().toStdString();
    EXPECT_FALSE(window.openRun(notARun));
    EXPECT_TRUE(window.banner()->text().contains("not a run folder (it has no config.json)"))
        << window.banner()->text().toStdString();
    EXPECT_EQ(RecentRuns().folders().size(), 1);  // only what opened is remembered
    RecentRuns().clear();
}

}  // namespace
}  // namespace learn2add::ui
