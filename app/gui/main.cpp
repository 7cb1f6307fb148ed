// learn2add: the desktop playground.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "addition/AddendControl.h"
#include "addition/AdditionInference.h"
#include "addition/AdditionPage.h"
#include "common/TorchRuntime.h"
#include "comparison/ComparisonPage.h"
#include "data/DataLoader.h"
#include "infer/InferenceThread.h"
#include "shell/MainWindow.h"
#include "shell/ReportDialog.h"
#include "StartupReport.h"
#include "WidgetMap.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("learn2add");
    QApplication::setOrganizationName("Learn2Add");
    QApplication::setApplicationVersion(LEARN2ADD_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("Learn2Add: autoencoders that learn to add images of digits");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data("data", "MNIST-format folder (default: the embedded subset).", "DIR");
    const QCommandLineOption seed("seed", "Seed of the data split.", "N", "42");
    const QCommandLineOption threads(
        "threads", "LibTorch threads of what the views compute (default: every core; a training "
                   "takes its form's).", "N");
    const QCommandLineOption screenshot(
        "screenshot", "Save the window to FILE once the data is shown, then quit.", "FILE");
    const QCommandLineOption page(
        "page", "Open the page NAME (Data, Autoencoder, Addition, Compare).", "NAME");
    const QCommandLineOption additionRun("addition-run", "Open this addition run on the Addition page.",
                                         "DIR");
    const QCommandLineOption judgeRun(
        "judge-run", "Open this judge run on the Addition and Compare pages.", "DIR");
    const QCommandLineOption additionTab(
        "addition-tab",
        "Show this tab of the Addition page: " +
            learn2add::ui::AdditionPage::tabNames().join(QStringLiteral(", ")) + ".",
        "TAB");
    const QCommandLineOption compareRuns(
        "compare-runs", "Open up to three addition runs of any kind in the Compare page's slots.",
        "A,B,C");
    const QCommandLineOption compareTab(
        "compare-tab", "Show this tab of the Compare page: outputs or models.", "TAB");
    const QCommandLineOption compareAddend(
        "compare-addend", "Start the Compare page's addend slider at X (0 to 12).", "X");
    const QCommandLineOption run(
        "run", "Open this run folder (autoencoder, judge or addition) on its page, as File > Open "
               "run… does.", "DIR");
    const QCommandLineOption startupReport(
        "startup-report", "Print when the window and the first judged grid appeared, then quit.");
    const QCommandLineOption printWidgets(
        "print-widgets", "Print where the widgets a latency harness drives are on the screen "
                         "(bench/xtest-latency.py), 3 s after the data is shown.");
    const QCommandLineOption precision(
        "precision", "The number format of what the views compute: auto (bf16 where the CPU "
                     "computes it natively), fp32 or bf16; as Settings > Precision of the views.",
        "NAME");
    parser.addOptions({data, seed, threads, screenshot, page, additionRun, judgeRun, additionTab,
                       compareRuns, compareTab, compareAddend, run, startupReport, printWidgets,
                       precision});
    parser.process(app);

    // The views' computations run on the one inference thread, briefly and at the window's
    // priority: every core unless told (trainings set their own threads, at a lower priority).
    const int asked = parser.isSet(threads) ? parser.value(threads).toInt() : 0;
    const int viewThreads = asked > 0 ? asked : learn2add::hardwareThreads();
    learn2add::configureTorchThreads(viewThreads);
    const auto inference = learn2add::infer::InferenceThread::shared();  // held while the app runs
    inference->setThreads(viewThreads);

    learn2add::ui::MainWindowOptions options;
    if (parser.isSet(data)) options.dataFolder = parser.value(data);
    options.seed = parser.value(seed).toULongLong();
    // Screenshots and startup reports start from the defaults and leave the settings alone.
    options.rememberSettings = !parser.isSet(screenshot) && !parser.isSet(startupReport);
    learn2add::ui::MainWindow window(options);
    if (parser.isSet(page) && !window.showPage(parser.value(page))) {
        qWarning("learn2add: there is no page named \"%s\"", qPrintable(parser.value(page)));
    }
    learn2add::ui::AdditionPage* addition = window.additionPage();
    // With no run named, the shipped models: the grid and the sliders work at first launch.
    const QString pretrained = learn2add::ui::shippedModelsFolder();
    const bool runsNamed =
        parser.isSet(additionRun) || parser.isSet(judgeRun) || parser.isSet(compareRuns);
    if (!runsNamed && !pretrained.isEmpty()) {
        if (!parser.isSet(page)) window.showPage("Addition");
        window.openShippedModels();
    }
    // What the last session left (window, page, forms); the command line still wins.
    if (options.rememberSettings) {
        window.restoreSettings();
        if (parser.isSet(page)) window.showPage(parser.value(page));
    }
    if (parser.isSet(precision) && !window.setViewPrecision(parser.value(precision))) {
        qWarning("learn2add: there is no precision named \"%s\" (auto, fp32, bf16)",
                 qPrintable(parser.value(precision)));
    }
    if (parser.isSet(run)) window.openRun(parser.value(run));
    if (parser.isSet(judgeRun)) addition->openJudgeRun(parser.value(judgeRun));
    if (parser.isSet(additionRun)) addition->openAdditionRun(parser.value(additionRun));
    if (parser.isSet(additionTab)) {
        if (!addition->showTab(parser.value(additionTab))) {
            qWarning("learn2add: there is no Addition tab named \"%s\"",
                     qPrintable(parser.value(additionTab)));
        }
    }
    learn2add::ui::ComparisonPage* compare = window.comparisonPage();
    if (parser.isSet(judgeRun)) compare->openJudgeRun(parser.value(judgeRun));
    if (parser.isSet(compareRuns)) {
        const QStringList folders = parser.value(compareRuns).split(',');
        if (folders.size() > learn2add::ui::kComparisonSlots) {
            qWarning("learn2add: --compare-runs takes at most 3 runs; the rest are ignored");
        }
        const int count = std::min<int>(folders.size(), learn2add::ui::kComparisonSlots);
        for (int slot = 0; slot < count; ++slot) {
            if (!folders[slot].trimmed().isEmpty()) compare->openRun(slot, folders[slot].trimmed());
        }
    }
    if (parser.isSet(compareAddend)) {
        compare->addendControl()->setAddend(parser.value(compareAddend).toDouble());
    }
    if (parser.isSet(compareTab)) {
        const QStringList tabs = {"outputs", "models"};
        const int tab = tabs.indexOf(parser.value(compareTab).toLower());
        if (tab >= 0) {
            compare->showTab(tab);
        } else {
            qWarning("learn2add: there is no Compare tab named \"%s\"",
                     qPrintable(parser.value(compareTab)));
        }
    }
    if (parser.isSet(startupReport)) new learn2add::app::StartupReport(window, *addition->inference());
    if (parser.isSet(printWidgets)) new learn2add::app::WidgetMap(window, 3000);
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // Opened runs answer from the inference thread; give them time to be drawn.
        const int delayMs = parser.isSet(compareRuns)   ? 8000
                            : parser.isSet(additionRun) || parser.isSet(run) ? 4000
                                                        : 300;
        const auto grab = [&window, file, delayMs] {
            QTimer::singleShot(delayMs, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        };
        QObject::connect(&window, &learn2add::ui::MainWindow::dataChanged, &window, grab);
        QObject::connect(window.dataLoader(), &learn2add::ui::DataLoader::failed, &window, grab);
    }
    return app.exec();
}
