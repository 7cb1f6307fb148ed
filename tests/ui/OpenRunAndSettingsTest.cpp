// File > Open run… for autoencoder runs, the settings a window remembers for the next one, and the
// train / pause / stop shortcuts.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "addition/AddendControl.h"
#include "addition/AdditionExplorerPanel.h"
#include "addition/AdditionPage.h"
#include "addition/AdditionTrainingPanel.h"
#include "autoencoder/AutoencoderPage.h"
#include "autoencoder/AutoencoderSettingsPanel.h"
#include "autoencoder/RunsTable.h"
#include "common/Precision.h"
#include "core/data/IdxFixtures.h"
#include "data/DataLoader.h"
#include "infer/InferenceThread.h"
#include "plots/CodeScatterPlot.h"
#include "plots/CurvePlot.h"
#include "shell/KeyboardShortcutsDialog.h"
#include "shell/MainWindow.h"
#include "shell/RecentRuns.h"
#include "training/TrainingProgressView.h"
#include "ui/AutoencoderRunFixtures.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"
#include "widgets/DigitMosaic.h"
#include "widgets/MessageBanner.h"

namespace learn2add::ui {
namespace {

namespace fs = std::filesystem;

using testing::tinyAutoencoderRun;

// A copy of the tiny run that a test may damage.
fs::path copyOfTheRun(const data::testing::TempFolder& folder) {
    const fs::path copy = folder.path() / "run";
    fs::copy(tinyAutoencoderRun(), copy, fs::copy_options::recursive);
    return copy;
}

QString q(const fs::path& path) {
    return QString::fromStdString(path.string());
}

bool waitForLoad(MainWindow& window) {
    return testing::waitUntil([&] { return window.loadedData() != nullptr; }, 15000);
}

// Waits for the Autoencoder page to show an opened run, or to say it could not.
bool waitForOpen(QSignalSpy& opened, QSignalSpy& failed) {
    return testing::waitUntil([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 20000);
}

TEST(OpenAutoencoderRun, ShowsItsCurvesReconstructionsCodesAndRow) {
    const fs::path run = tinyAutoencoderRun();
    ASSERT_TRUE(fs::exists(run / "best.pt"));
    RecentRuns().clear();
    MainWindow window({});
    window.show();
    AutoencoderPage* page = window.autoencoderPage();
    QSignalSpy opened(page, &AutoencoderPage::runOpened);
    QSignalSpy failed(page, &AutoencoderPage::openFailed);
    ASSERT_TRUE(window.openRun(q(run)));
    EXPECT_EQ(window.currentPageName(), "Autoencoder");
    ASSERT_TRUE(waitForOpen(opened, failed));
    ASSERT_EQ(failed.size(), 0) << failed.front().at(1).toString().toStdString();
    const int runId = opened.front().at(0).toInt();
    EXPECT_LT(runId, 0);
    EXPECT_EQ(page->shownRun(), runId);
    EXPECT_FALSE(page->banner()->isVisibleTo(page)) << page->banner()->text().toStdString();

    // The curves of metrics.csv: 2 epochs of train and validation RMSE, the best epoch marked.
    CurvePlot* curves = page->curvePlot();
    ASSERT_EQ(curves->seriesCount(), 1);
    // The plot draws on its timer.
    ASSERT_TRUE(
        testing::waitUntil([&] { return curves->validationGraph(0)->dataCount() == 2; }, 2000));
    EXPECT_EQ(curves->trainGraph(0)->dataCount(), 2);
    EXPECT_EQ(curves->bestMarker(0)->dataCount(), 1);

    // Its row.
    const RunsTable* table = page->runsTable();
    EXPECT_EQ(table->cellText(runId, RunsTable::RunColumn), "ae-upsample-code2");
    EXPECT_EQ(table->cellText(runId, RunsTable::DecoderColumn), "upsample");
    EXPECT_EQ(table->cellText(runId, RunsTable::LossColumn), "L2");
    EXPECT_EQ(table->cellText(runId, RunsTable::CodeColumn), "2");
    EXPECT_EQ(table->cellText(runId, RunsTable::EpochsColumn), "2/2");
    EXPECT_EQ(table->cellText(runId, RunsTable::StatusColumn), "opened");
    bool ok = false;
    EXPECT_GT(table->cellText(runId, RunsTable::BestValidationColumn).toDouble(&ok), 0.0);
    EXPECT_TRUE(ok);

    // best.pt's reconstructions of the five shown digits (inputs above outputs), and the codes.
    ASSERT_TRUE(testing::waitUntil([&] { return !page->reconstructions()->tiles().empty(); }, 2000));
    ASSERT_EQ(page->reconstructions()->tiles().size(), 10u);
    for (const auto& tile : page->reconstructions()->tiles()) EXPECT_FALSE(tile.image.isNull());
    EXPECT_TRUE(page->reconstructionTitle().contains("best.pt"))
        << page->reconstructionTitle().toStdString();
    EXPECT_GT(page->codeScatter()->pointCount(), 0);

    ASSERT_FALSE(RecentRuns().folders().isEmpty());
    EXPECT_EQ(RecentRuns().folders().front(), q(fs::absolute(run)));
    RecentRuns().clear();
}

TEST(OpenAutoencoderRun, ACorruptBestPtStillShowsTheCurvesAndSaysWhy) {
    data::testing::TempFolder folder;
    const fs::path run = copyOfTheRun(folder);
    std::ofstream(run / "best.pt", std::ios::trunc) << "not a checkpoint";
    AutoencoderPage page;
    QSignalSpy opened(&page, &AutoencoderPage::runOpened);
    QSignalSpy failed(&page, &AutoencoderPage::openFailed);
    page.openRun(q(run));
    ASSERT_TRUE(waitForOpen(opened, failed));
    ASSERT_EQ(opened.size(), 1);
    EXPECT_TRUE(testing::waitUntil(
        [&] { return page.curvePlot()->validationGraph(0)->dataCount() == 2; }, 2000));
    EXPECT_TRUE(page.reconstructions()->tiles().empty());
    EXPECT_TRUE(page.banner()->isVisibleTo(&page));
    EXPECT_EQ(page.banner()->kind(), MessageBanner::Kind::Error);
    EXPECT_TRUE(page.banner()->text().contains("best.pt")) << page.banner()->text().toStdString();
    EXPECT_TRUE(page.banner()->text().contains("corrupt")) << page.banner()->text().toStdString();
}

TEST(OpenAutoencoderRun, AConfigThatDoesNotFitBestPtIsNamed) {
    data::testing::TempFolder folder;
    const fs::path run = copyOfTheRun(folder);
    {
        std::ifstream in(run / "config.json");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto at = text.find("\"code_size\": 2");
        ASSERT_NE(at, std::string::npos) << text;
        text.replace(at, 14, "\"code_size\": 7");
        std::ofstream(run / "config.json", std::ios::trunc) << text;
    }
    AutoencoderPage page;
    QSignalSpy opened(&page, &AutoencoderPage::runOpened);
    QSignalSpy failed(&page, &AutoencoderPage::openFailed);
    page.openRun(q(run));
    ASSERT_TRUE(waitForOpen(opened, failed));
    EXPECT_EQ(page.banner()->kind(), MessageBanner::Kind::Error);
    EXPECT_TRUE(page.banner()->text().contains("best.pt")) << page.banner()->text().toStdString();
    EXPECT_TRUE(page.reconstructions()->tiles().empty());
}

TEST(OpenAutoencoderRun, NothingToShowIsRefusedAndTheShownRunsStay) {
    data::testing::TempFolder folder;
    const fs::path run = copyOfTheRun(folder);
    AutoencoderPage page;
    QSignalSpy opened(&page, &AutoencoderPage::runOpened);
    QSignalSpy failed(&page, &AutoencoderPage::openFailed);
    page.openRun(q(tinyAutoencoderRun()));
    ASSERT_TRUE(waitForOpen(opened, failed));
    ASSERT_EQ(page.runsTable()->rowCount(), 1);

    // No metrics.csv and a corrupt best.pt: nothing of it can be shown.
    fs::remove(run / "metrics.csv");
    std::ofstream(run / "best.pt", std::ios::trunc) << "garbage";
    page.openRun(q(run));
    ASSERT_TRUE(testing::waitUntil([&] { return !failed.isEmpty(); }, 20000));
    EXPECT_EQ(opened.size(), 1);
    EXPECT_EQ(page.banner()->kind(), MessageBanner::Kind::Error);
    EXPECT_TRUE(page.banner()->text().contains("metrics.csv")) << page.banner()->text().toStdString();
    EXPECT_TRUE(page.banner()->text().contains("still there"));
    EXPECT_EQ(page.runsTable()->rowCount(), 1);
    EXPECT_EQ(page.curvePlot()->seriesCount(), 1);
}

TEST(RememberedSettings, ANewWindowRestoresWhatTheLastOneSaved) {
    QSettings().clear();
    QSize saved;
    {
        MainWindow window({.rememberSettings = true});
        window.show();
        AutoencoderSettingsPanel* form = window.autoencoderPage()->settings();
        form->decoderBox()->setCurrentIndex(form->decoderBox()->findData("mirror"));
        form->lossBox()->setCurrentIndex(form->lossBox()->findData("bce"));
        form->codeSizeBox()->setValue(2);
        form->epochsBox()->setValue(33);
        form->batchSizeBox()->setValue(64);
        form->learningRateEdit()->setText("3e-4");
        AdditionTrainingPanel* training = window.additionPage()->trainingPanel();
        training->decoderBox()->setCurrentText("resize64");
        training->epochsBox()->setValue(7);
        training->seedBox()->setValue(5);
        ASSERT_TRUE(waitForLoad(window));
        window.additionPage()->explorer()->chooseTestImage(3, 0);
        window.additionPage()->explorer()->addendControl()->setAddend(2.5);
        window.showPage("Compare");
        // Settings > Precision of the views > fp32, as a user picks it.
        const auto chosen = window.findChildren<QAction*>();
        const auto fp32 = std::find_if(chosen.begin(), chosen.end(), [](const QAction* action) {
            return action->isCheckable() && action->data().toString() == "fp32";
        });
        ASSERT_NE(fp32, chosen.end());
        (*fp32)->trigger();
        EXPECT_EQ(window.viewPrecision(), "fp32");
        EXPECT_EQ(infer::InferenceThread::shared()->precision(), Precision::Fp32);
        window.resize(1500, 950);
        saved = window.size();
        window.close();  // saves
    }
    MainWindow window({.rememberSettings = true});
    EXPECT_EQ(window.viewPrecision(), "auto") << "before the settings are read";
    EXPECT_EQ(infer::InferenceThread::shared()->precision(), precisionFromString("auto"));
    window.restoreSettings();
    EXPECT_EQ(window.viewPrecision(), "fp32");
    EXPECT_EQ(infer::InferenceThread::shared()->precision(), Precision::Fp32);
    EXPECT_EQ(window.currentPageName(), "Compare");
    EXPECT_EQ(window.size(), saved);
    EXPECT_NE(saved, MainWindow({}).size());
    const AutoencoderSettingsPanel* form = window.autoencoderPage()->settings();
    EXPECT_EQ(form->decoderBox()->currentData().toString(), "mirror");
    EXPECT_EQ(form->lossBox()->currentData().toString(), "bce");
    EXPECT_EQ(form->codeSizeBox()->value(), 2);
    EXPECT_EQ(form->epochsBox()->value(), 33);
    EXPECT_EQ(form->batchSizeBox()->value(), 64);
    EXPECT_EQ(form->learningRateEdit()->text(), "3e-4");
    const AdditionTrainingPanel* training = window.additionPage()->trainingPanel();
    EXPECT_EQ(training->decoderBox()->currentText(), "resize64");
    EXPECT_EQ(training->epochsBox()->value(), 7);
    EXPECT_EQ(training->seedBox()->value(), 5);
    EXPECT_EQ(window.additionPage()->explorer()->testDigit(), 3);
    EXPECT_DOUBLE_EQ(window.additionPage()->explorer()->addendControl()->addend(), 2.5);
    QSettings().clear();
}

TEST(RememberedSettings, StoredValuesThatNoLongerFitLeaveTheDefaults) {
    QSettings().clear();
    MainWindow defaults({});
    {
        QSettings settings;
        settings.setValue("window/geometry", QByteArray("not a geometry"));
        settings.setValue("window/page", "A page that is gone");
        settings.setValue("autoencoder/decoder", "a-decoder-that-is-gone");
        settings.setValue("autoencoder/codeSize", 1000);
        settings.setValue("autoencoder/epochs", -5);
        settings.setValue("autoencoder/learningRate", "fast");
        settings.setValue("autoencoder/threads", "two");
        settings.setValue("additionTraining/decoder", "bogus");
        settings.setValue("additionTraining/judgeRun", "/no/such/folder");
        settings.setValue("explorer/digit", 12);
        settings.setValue("explorer/addend", 99.0);
        settings.setValue("views/precision", "half");
    }
    MainWindow window({.rememberSettings = true});
    window.restoreSettings();
    EXPECT_EQ(window.viewPrecision(), "auto");
    EXPECT_FALSE(window.setViewPrecision("fp16"));
    EXPECT_EQ(window.viewPrecision(), "auto");
    EXPECT_EQ(window.currentPageName(), "Data");
    EXPECT_EQ(window.size(), defaults.size());
    const AutoencoderSettingsPanel* form = window.autoencoderPage()->settings();
    EXPECT_EQ(form->decoderBox()->currentData().toString(), "upsample");
    EXPECT_EQ(form->codeSizeBox()->value(), 7);
    EXPECT_EQ(form->epochsBox()->value(), 100);
    EXPECT_EQ(form->learningRateEdit()->text(), "0.001");
    EXPECT_EQ(form->threadsBox()->value(), defaults.autoencoderPage()->settings()->threadsBox()->value());
    EXPECT_EQ(window.additionPage()->trainingPanel()->decoderBox()->currentText(), "upsample");
    EXPECT_TRUE(window.additionPage()->trainingPanel()->judgeEdit()->text().isEmpty());
    EXPECT_EQ(window.additionPage()->explorer()->testDigit(),
              defaults.additionPage()->explorer()->testDigit());
    EXPECT_DOUBLE_EQ(window.additionPage()->explorer()->addendControl()->addend(),
                     defaults.additionPage()->explorer()->addendControl()->addend());
    QSettings().clear();
}

TEST(TrainingShortcuts, F5F6AndShiftF5DriveTheTrainingOfThePageOnShow) {
    MainWindow window({});
    window.show();
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    ASSERT_TRUE(waitForLoad(window));
    // Without data neither page can start a training, so F5 only says so.
    window.autoencoderPage()->setData(nullptr);
    AdditionTrainingPanel* training = window.additionPage()->trainingPanel();
    training->setData(nullptr);
    QSignalSpy trained(training->trainAction(), &QAction::triggered);
    QSignalSpy paused(training->pauseAction(), &QAction::triggered);
    QSignalSpy stopped(training->stopAction(), &QAction::triggered);
    QSignalSpy said(training, &AdditionTrainingPanel::message);

    // On the Addition page (any tab), F5 trains: here it says why it cannot.
    window.showPage("Addition");
    window.additionPage()->showTab(0);
    QTest::keyClick(&window, Qt::Key_F5);
    EXPECT_EQ(trained.size(), 1);
    ASSERT_EQ(said.size(), 1);
    EXPECT_TRUE(said.front().at(0).toString().contains("Cannot train"));
    EXPECT_EQ(window.additionPage()->tabs()->currentWidget(), training);
    // Pause and stop act while a training runs (their actions are enabled then).
    training->pauseAction()->setEnabled(true);
    training->stopAction()->setEnabled(true);
    QTest::keyClick(&window, Qt::Key_F6);
    QTest::keyClick(&window, Qt::Key_F5, Qt::ShiftModifier);
    EXPECT_EQ(paused.size(), 1);
    EXPECT_EQ(stopped.size(), 1);
    EXPECT_TRUE(training->trainButton()->toolTip().contains("F5"));
    EXPECT_TRUE(training->pauseButton()->toolTip().contains("F6"));
    EXPECT_TRUE(training->stopButton()->toolTip().contains("Shift+F5"));

    // On the Autoencoder page, F5 is that page's Train; the Addition page's shortcuts rest.
    window.showPage("Autoencoder");
    QTest::keyClick(&window, Qt::Key_F5);
    QTest::keyClick(&window, Qt::Key_F6);
    EXPECT_EQ(trained.size(), 1);
    EXPECT_EQ(paused.size(), 1);
    // A button's shortcut animates a click, which lands a moment later.
    EXPECT_TRUE(testing::waitUntil(
        [&] { return window.autoencoderPage()->banner()->isVisibleTo(&window); }, 2000));
    EXPECT_TRUE(window.autoencoderPage()->banner()->text().contains("Cannot train"))
        << window.autoencoderPage()->banner()->text().toStdString();
}

TEST(TrainingShortcuts, F5AndF6KeepWorkingOnTheAutoencoderPageAfterEveryStateChange) {
    // The buttons are renamed as the state changes ("Queue run", "Resume"); the keys must survive
    // that: start, pause, resume, pause, stop, and the same again.
    MainWindow window({});
    window.show();
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    ASSERT_TRUE(waitForLoad(window));
    ASSERT_TRUE(window.showPage("Autoencoder"));
    AutoencoderPage* page = window.autoencoderPage();
    page->setData(testing::smallData());
    testing::setTinyTraining(*page->settings());
    page->settings()->epochsBox()->setValue(100);
    page->settings()->batchesPerEpochBox()->setValue(0);
    for (int round = 1; round <= 2; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        QTest::keyClick(&window, Qt::Key_F5);
        ASSERT_TRUE(page->trainingRunner()->isRunning());
        for (const bool paused : {true, false, true}) {
            QTest::keyClick(&window, Qt::Key_F6);
            EXPECT_EQ(page->trainingRunner()->isPaused(), paused);
        }
        // The table and the progress line tell the truth: paused, then stopped.
        EXPECT_TRUE(testing::waitUntil(
            [&] { return page->runsTable()->cellText(round, RunsTable::StatusColumn) == "paused"; },
            10000))
            << page->runsTable()->cellText(round, RunsTable::StatusColumn).toStdString();
        QTest::keyClick(&window, Qt::Key_F5, Qt::ShiftModifier);
        ASSERT_TRUE(testing::waitUntil([&] { return !page->trainingRunner()->isRunning(); }, 60000));
        EXPECT_TRUE(page->progressView()->text().startsWith("Stopped: 1 of 1 run(s) cancelled"))
            << page->progressView()->text().toStdString();
    }
    EXPECT_EQ(page->runsTable()->cellText(2, RunsTable::StatusColumn), "cancelled");
}

TEST(TrainingShortcuts, HelpListsEveryShortcutWithWhereItActs) {
    MainWindow window({});
    const QList<ShortcutEntry> shortcuts = window.shortcuts();
    const auto has = [&](const QString& keys, const QString& action, const QString& where) {
        return std::any_of(shortcuts.begin(), shortcuts.end(), [&](const ShortcutEntry& entry) {
            return entry.keys == keys && entry.action == action && entry.where == where;
        });
    };
    for (const QString page : {"Autoencoder", "Addition"}) {
        SCOPED_TRACE(page.toStdString());
        EXPECT_TRUE(has("F5", "Train", page));
        EXPECT_TRUE(has("F6", "Pause or resume", page));
        EXPECT_TRUE(has("Shift+F5", "Stop", page));
    }
    EXPECT_TRUE(has("Ctrl+Q", "Quit", "Everywhere"));
    EXPECT_TRUE(has("Ctrl+E", "Export figure", "Everywhere"));
    EXPECT_TRUE(has("Ctrl+Shift+E", "Export report", "Everywhere"));
    EXPECT_TRUE(has("F1", "Keyboard shortcuts", "Everywhere"));
    // No key is listed twice for the same place (two actions on one key would fight).
    QSet<QString> seen;
    for (const ShortcutEntry& entry : shortcuts) {
        EXPECT_FALSE(seen.contains(entry.keys + "@" + entry.where)) << entry.keys.toStdString();
        seen.insert(entry.keys + "@" + entry.where);
    }

    // F1 opens the dialog, whose table shows the same list.
    window.show();
    QApplication::setActiveWindow(&window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F1);
    auto* dialog = window.findChild<KeyboardShortcutsDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    ASSERT_EQ(dialog->table()->rowCount(), shortcuts.size());
    EXPECT_EQ(dialog->table()->item(0, 0)->text(), shortcuts.front().keys);
}

}  // namespace
}  // namespace learn2add::ui
