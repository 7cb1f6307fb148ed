// learn2add: the desktop playground.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "addition/AdditionPage.h"
#include "common/TorchRuntime.h"
#include "data/DataLoader.h"
#include "shell/MainWindow.h"

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
    const QCommandLineOption threads("threads", "LibTorch threads (default: cores - 1, at least 1).", "N");
    const QCommandLineOption screenshot(
        "screenshot", "Save the window to FILE once the data is shown, then quit.", "FILE");
    const QCommandLineOption page("page", "Open the page NAME (Data, Autoencoder, Addition).", "NAME");
    const QCommandLineOption additionRun("addition-run", "Open this addition run on the Addition page.",
                                         "DIR");
    const QCommandLineOption judgeRun("judge-run", "Open this judge run on the Addition page.", "DIR");
    const QCommandLineOption additionTab(
        "addition-tab", "Show this tab of the Addition page: explore, grid or train.", "TAB");
    parser.addOptions({data, seed, threads, screenshot, page, additionRun, judgeRun, additionTab});
    parser.process(app);

    // Leave a core for the GUI while models train.
    const int cores = learn2add::hardwareThreads();
    learn2add::configureTorchThreads(parser.isSet(threads) ? parser.value(threads).toInt()
                                                           : std::max(1, cores - 1));

    learn2add::ui::MainWindowOptions options;
    if (parser.isSet(data)) options.dataFolder = parser.value(data);
    options.seed = parser.value(seed).toULongLong();
    learn2add::ui::MainWindow window(options);
    if (parser.isSet(page) && !window.showPage(parser.value(page))) {
        qWarning("learn2add: there is no page named \"%s\"", qPrintable(parser.value(page)));
    }
    learn2add::ui::AdditionPage* addition = window.additionPage();
    if (parser.isSet(judgeRun)) addition->openJudgeRun(parser.value(judgeRun));
    if (parser.isSet(additionRun)) addition->openAdditionRun(parser.value(additionRun));
    if (parser.isSet(additionTab)) {
        const QStringList tabs = {"explore", "grid", "train"};
        const int tab = tabs.indexOf(parser.value(additionTab).toLower());
        if (tab >= 0) {
            addition->showTab(tab);
        } else {
            qWarning("learn2add: there is no Addition tab named \"%s\"",
                     qPrintable(parser.value(additionTab)));
        }
    }
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // Opened runs answer from the inference thread; give them time to be drawn.
        const int delayMs = parser.isSet(additionRun) ? 4000 : 300;
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
