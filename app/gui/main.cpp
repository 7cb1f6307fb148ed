// learn2add: the desktop playground.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

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
    const QCommandLineOption page("page", "Open the page NAME (Data, Autoencoder, …).", "NAME");
    parser.addOptions({data, seed, threads, screenshot, page});
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
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const auto grab = [&window, file] {
            QTimer::singleShot(300, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        };
        QObject::connect(&window, &learn2add::ui::MainWindow::dataChanged, &window, grab);
        QObject::connect(window.dataLoader(), &learn2add::ui::DataLoader::failed, &window, grab);
    }
    return app.exec();
}
