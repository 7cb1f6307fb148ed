// Slow (label "slow"): trains the six decoder × loss combinations for a few short epochs through
// the page's "Compare" button. Saves screenshots of the page when LEARN2ADD_SCREENSHOT_DIR is set.
#include <gtest/gtest.h>
#include <QCheckBox>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

#include "autoencoder/AutoencoderPage.h"
#include "autoencoder/AutoencoderSettingsPanel.h"
#include "autoencoder/RunsTable.h"
#include "plots/CodeScatterPlot.h"
#include "plots/CurvePlot.h"
#include "plots/CurvePlotControls.h"
#include "shell/MainWindow.h"
#include "autoencoder/AutoencoderTrainingRunner.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"

namespace learn2add::ui {
namespace {

void saveScreenshot(QWidget& widget, const QString& name) {
    const QByteArray folder = qgetenv("LEARN2ADD_SCREENSHOT_DIR");
    if (folder.isEmpty()) return;
    QDir().mkpath(QString::fromLocal8Bit(folder));
    const QString file = QDir(QString::fromLocal8Bit(folder)).filePath(name);
    EXPECT_TRUE(widget.grab().save(file)) << file.toStdString();
}

TEST(AutoencoderComparison, QueuesAndTrainsThreeDecodersTimesTwoLosses) {
    MainWindow window({});
    window.resize(1400, 900);
    QSignalSpy loaded(&window, &MainWindow::dataChanged);
    ASSERT_TRUE(testing::waitUntil([&] { return !loaded.isEmpty(); }, 15000));
    ASSERT_TRUE(window.showPage("Autoencoder"));
    window.show();
    AutoencoderPage* page = window.autoencoderPage();
    page->setData(
        testing::smallData());  // every epoch evaluates the validation split: keep it small
    testing::setTinyTraining(*page->settings());
    page->settings()->epochsBox()->setValue(3);
    page->settings()->batchesPerEpochBox()->setValue(4);
    page->settings()->batchSizeBox()->setValue(32);

    page->queueButton()->click();
    RunsTable* table = page->runsTable();
    ASSERT_EQ(table->rowCount(), 6);
    EXPECT_EQ(page->trainingRunner()->queuedCount(), 5);
    const auto finished = [&] {
        for (int id = 1; id <= 6; ++id) {
            if (table->cellText(id, RunsTable::StatusColumn) != "finished") return false;
        }
        return true;
    };
    ASSERT_TRUE(testing::waitUntil(
        [&] { return table->cellText(3, RunsTable::StatusColumn) == "running"; }, 60000));
    QTest::qWait(600);
    saveScreenshot(window, "autoencoder-training.png");
    ASSERT_TRUE(testing::waitUntil(finished, 300000)) << [&] {
        std::string statuses;
        for (int id = 1; id <= 6; ++id)
            statuses += table->cellText(id, RunsTable::StatusColumn).toStdString() + " ";
        return statuses;
    }();

    const QStringList decoders{"mirror", "mirror", "upsample", "upsample", "resize64", "resize64"};
    for (int id = 1; id <= 6; ++id) {
        EXPECT_EQ(table->cellText(id, RunsTable::DecoderColumn), decoders[id - 1]);
        EXPECT_EQ(table->cellText(id, RunsTable::LossColumn), id % 2 ? "L2" : "BCE");
        EXPECT_EQ(table->cellText(id, RunsTable::EpochsColumn), "3/3");
    }
    CurvePlot* curves = page->curvePlot();
    ASSERT_EQ(curves->seriesCount(), 6);
    ASSERT_TRUE(
        testing::waitUntil([&] { return curves->validationGraph(5)->dataCount() == 3; }, 2000));
    EXPECT_EQ(curves->legend->itemCount(), 6);
    EXPECT_EQ(page->shownRun(), 6);
    EXPECT_GT(page->codeScatter()->pointCount(), 0);

    // Picking a row shows that run's digits and codes.
    table->selectRow(table->rowOf(3));
    EXPECT_EQ(page->shownRun(), 3);
    curves->showReadoutAt(
        {curves->xAxis->coordToPixel(3),
         curves->yAxis->coordToPixel(curves->validationGraph(2)->data()->at(2)->value)});
    curves->replot();
    QTest::qWait(300);
    saveScreenshot(window, "autoencoder-compared.png");
    auto* controls = page->findChild<CurvePlotControls*>();
    ASSERT_NE(controls, nullptr);
    controls->logScaleBox()->setChecked(true);
    controls->smoothingSlider()->setValue(60);
    EXPECT_TRUE(curves->logScale());
    EXPECT_DOUBLE_EQ(curves->smoothing(), 0.6);
    curves->replotNow();
    QTest::qWait(300);
    saveScreenshot(window, "autoencoder-log-smoothed.png");
}

}  // namespace
}  // namespace learn2add::ui
