#include "plots/FigureExport.h"

#include <gtest/gtest.h>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <cmath>

#include "addition/AdditionExplorerPanel.h"
#include "addition/AdditionGridPanel.h"
#include "addition/AdditionGridView.h"
#include "addition/AdditionPage.h"
#include "addition/DigitTransitionPlot.h"
#include "addition/JudgeProbabilityPlot.h"
#include "autoencoder/AutoencoderPage.h"
#include "comparison/ComparisonModelColumn.h"
#include "comparison/ComparisonPage.h"
#include "comparison/ExpectedDigitPlot.h"
#include "comparison/LatentPathPlot.h"
#include "data/DataLoader.h"
#include "data/DataPage.h"
#include "data/PairDistributionPlot.h"
#include "plots/CodeScatterPlot.h"
#include "plots/CurvePlot.h"
#include "plots/FigureExportMenu.h"
#include "shell/MainWindow.h"
#include "widgets/MessageBanner.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

// A curve plot with two runs of five epochs, laid out at 480 x 320.
std::unique_ptr<CurvePlot> curvePlotWithData() {
    auto plot = std::make_unique<CurvePlot>();
    plot->setTitle("solid: validation · dashed: train");
    plot->setValueLabel("RMSE per pixel");
    for (int run = 0; run < 2; ++run) {
        const int series = plot->addSeries(QString("run %1").arg(run));
        for (int epoch = 1; epoch <= 5; ++epoch) {
            plot->addPoint(series, epoch, 0.3 / epoch + 0.02 * run, 0.32 / epoch + 0.02 * run);
        }
        plot->setBest(series, 5, 0.32 / 5 + 0.02 * run);
    }
    plot->resize(480, 320);
    plot->replotNow();
    return plot;
}

// The share of pixels that are not (nearly) white.
double inkShare(const QImage& image) {
    long long ink = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x) {
            if (qGray(rgb.pixel(x, y)) < 200) ++ink;
        }
    }
    return double(ink) / (double(rgb.width()) * rgb.height());
}

QByteArray readWholeFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Replaces the save dialog with a fixed path while it lives.
struct ChooserOverride {
    explicit ChooserOverride(QString path) {
        setFigurePathChooser(
            [path](QWidget&, std::optional<FigureFormat>, const QString&) { return path; });
    }
    ~ChooserOverride() { setFigurePathChooser({}); }
};

bool waitForWindowData(MainWindow& window) {
    QSignalSpy loaded(&window, &MainWindow::dataChanged);
    QSignalSpy failed(window.dataLoader(), &DataLoader::failed);
    for (int i = 0; i < 300 && loaded.isEmpty() && failed.isEmpty(); ++i) loaded.wait(50);
    return !loaded.isEmpty();
}

TEST(FigureExport, FormatsComeFromTheExtension) {
    EXPECT_EQ(figureFormatFor("a/b/curves.PNG"), FigureFormat::Png);
    EXPECT_EQ(figureFormatFor("curves.svg"), FigureFormat::Svg);
    EXPECT_EQ(figureFormatFor("curves.Pdf"), FigureFormat::Pdf);
    EXPECT_EQ(figureFormatFor("curves.jpg"), std::nullopt);
    EXPECT_EQ(figureFormatFor("curves"), std::nullopt);
}

TEST(FigureExport, PngIsTwiceTheWidgetAndNotBlank) {
    QTemporaryDir dir;
    auto plot = curvePlotWithData();
    const QString path = dir.filePath("curves.png");
    EXPECT_EQ(exportFigure(*plot, path), "");
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(960, 640));
    EXPECT_GT(inkShare(image), 0.01);  // axes, ticks, text and curves
    EXPECT_LT(inkShare(image), 0.5);   // on a white page
}

TEST(FigureExport, SvgHoldsVectorPaths) {
    QTemporaryDir dir;
    auto plot = curvePlotWithData();
    const QString path = dir.filePath("curves.svg");
    EXPECT_EQ(exportFigure(*plot, path), "");
    const QByteArray svg = readWholeFile(path);
    EXPECT_TRUE(svg.contains("<svg"));
    EXPECT_GT(svg.count("<path") + svg.count("<polyline"), 10);
    EXPECT_TRUE(svg.contains("RMSE per pixel"));  // text stays text
}

TEST(FigureExport, PdfIsAPdf) {
    QTemporaryDir dir;
    auto plot = curvePlotWithData();
    const QString path = dir.filePath("curves.pdf");
    EXPECT_EQ(exportFigure(*plot, path), "");
    const QByteArray pdf = readWholeFile(path);
    EXPECT_TRUE(pdf.startsWith("%PDF"));
    EXPECT_GT(pdf.size(), 1000);
}

TEST(FigureExport, ExportLeavesThePlotAsItWas) {
    QTemporaryDir dir;
    auto plot = curvePlotWithData();
    const QPen pen = plot->validationGraph(0)->pen();
    const QFont font = plot->xAxis->tickLabelFont();
    EXPECT_EQ(exportFigure(*plot, dir.filePath("curves.pdf")), "");
    EXPECT_EQ(plot->validationGraph(0)->pen(), pen);
    EXPECT_EQ(plot->xAxis->tickLabelFont(), font);
}

TEST(FigureExport, LeavesTheHoverReadoutOut) {
    QTemporaryDir dir;
    auto plot = curvePlotWithData();
    plot->showReadoutAt(QPointF(plot->xAxis->coordToPixel(3), plot->yAxis->coordToPixel(0.32 / 3)));
    ASSERT_TRUE(plot->readoutVisible());
    const QString readout = plot->readoutText().split('\n').front();
    ASSERT_FALSE(readout.isEmpty());
    EXPECT_EQ(exportFigure(*plot, dir.filePath("curves.svg")), "");
    EXPECT_FALSE(readWholeFile(dir.filePath("curves.svg")).contains(readout.toUtf8()));
    EXPECT_TRUE(plot->readoutVisible());  // still there on screen
}

TEST(FigureExport, ImagePanelsExportToo) {
    QTemporaryDir dir;
    DigitMosaic mosaic(3);
    std::vector<DigitMosaic::Tile> tiles;
    for (int i = 0; i < 3; ++i) {
        QImage image(28, 28, QImage::Format_Grayscale8);
        image.fill(i == 1 ? 255 : 0);
        tiles.push_back({image, QString::number(i)});
    }
    mosaic.setTiles(tiles);
    mosaic.resize(240, 110);
    for (const char* name : {"digits.png", "digits.svg", "digits.pdf"}) {
        EXPECT_EQ(exportFigure(mosaic, dir.filePath(name)), "") << name;
        EXPECT_GT(QFileInfo(dir.filePath(name)).size(), 100) << name;
    }
    // Twice the part of the panel that holds the images (the rest of the panel is left out).
    const QImage image(dir.filePath("digits.png"));
    EXPECT_GT(image.width(), 2 * 3 * 28);
    EXPECT_LE(image.width(), 480);
    EXPECT_LE(image.height(), 220);
    EXPECT_EQ(image.width() % 2, 0);
    EXPECT_GT(inkShare(image), 0.3);
}

TEST(FigureExport, PaintsAPlotWithAPlainPainter) {
    auto plot = curvePlotWithData();
    QImage page(600, 400, QImage::Format_RGB32);
    page.fill(Qt::white);
    {
        QPainter painter(&page);
        paintFigure(*plot, painter, QRectF(60, 40, 480, 320));
    }
    EXPECT_GT(inkShare(page.copy(60, 40, 480, 320)), 0.01);
    EXPECT_EQ(inkShare(page.copy(0, 0, 50, 400)), 0.0);  // nothing outside the target

    // On a device of another resolution (a 300 dpi page) the plot still fills only its target.
    QImage fine(1200, 800, QImage::Format_RGB32);
    fine.setDotsPerMeterX(11811);
    fine.setDotsPerMeterY(11811);
    fine.fill(Qt::white);
    {
        QPainter painter(&fine);
        paintFigure(*plot, painter, QRectF(100, 100, 480, 320));
    }
    EXPECT_GT(inkShare(fine.copy(100, 100, 480, 320)), 0.01);
    EXPECT_EQ(inkShare(fine.copy(600, 0, 600, 800)), 0.0);
    EXPECT_EQ(inkShare(fine.copy(0, 440, 1200, 360)), 0.0);
}

TEST(FigureExport, PanelsKeepTheirShapeInAnyTarget) {
    DigitMosaic mosaic(2);
    QImage black(28, 28, QImage::Format_Grayscale8);
    black.fill(0);
    mosaic.setTiles({{black, ""}, {black, ""}});
    mosaic.resize(200, 100);
    const QSize size = figureExportSize(mosaic);
    EXPECT_LE(size.width(), 200);
    EXPECT_LE(size.height(), 100);
    // A square target: the panel keeps its shape, centred, with white above and below.
    QImage page(400, 400, QImage::Format_RGB32);
    page.fill(Qt::white);
    {
        QPainter painter(&page);
        paintFigure(mosaic, painter, QRectF(0, 0, 400, 400));
    }
    const double drawnHeight = 400.0 * size.height() / size.width();
    EXPECT_EQ(inkShare(page.copy(0, 0, 400, int(200 - drawnHeight / 2) - 2)), 0.0);
    EXPECT_GT(inkShare(page.copy(0, 190, 400, 20)), 0.3);
}

TEST(FigureExport, BadPathsGiveMessages) {
    QTemporaryDir dir;
    auto plot = curvePlotWithData();
    const QString unknown = exportFigure(*plot, dir.filePath("curves.jpg"));
    EXPECT_TRUE(unknown.contains(".png")) << unknown.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("curves.jpg")));
    const QString missing = dir.filePath("no/such/folder/curves.png");
    const QString unwritable = exportFigure(*plot, missing);
    EXPECT_TRUE(unwritable.contains("curves.png")) << unwritable.toStdString();
    EXPECT_FALSE(QFile::exists(missing));
}

TEST(FigureExport, ContextMenuOffersTheThreeFormats) {
    QTemporaryDir dir;
    auto plot = curvePlotWithData();
    EXPECT_TRUE(isExportable(*plot));
    EXPECT_EQ(plot->contextMenuPolicy(), Qt::ActionsContextMenu);
    QStringList texts;
    for (QAction* action : plot->actions()) texts << action->text();
    EXPECT_EQ(texts, QStringList({"Export as PNG (2x)…", "Export as SVG…", "Export as PDF…"}));
    makeExportable(*plot, "Loss curves");  // a second call renames only
    EXPECT_EQ(plot->actions().size(), 3);
    EXPECT_EQ(figureName(*plot), "Loss curves");

    std::optional<FigureFormat> asked;
    QString suggested;
    const QString path = dir.filePath("from-menu.svg");
    setFigurePathChooser([&](QWidget&, std::optional<FigureFormat> format, const QString& s) {
        asked = format;
        suggested = s;
        return path;
    });
    plot->findChild<QAction*>("exportFigureSvg")->trigger();
    setFigurePathChooser({});
    EXPECT_EQ(asked, FigureFormat::Svg);
    EXPECT_TRUE(suggested.endsWith("loss-curves.svg")) << suggested.toStdString();
    EXPECT_TRUE(readWholeFile(path).contains("<svg"));
}

TEST(FigureExport, MainWindowShowsExportErrorsOnItsBanner) {
    MainWindow window({});
    window.show();
    ASSERT_TRUE(waitForWindowData(window));
    DataPage* page = window.dataPage();
    ChooserOverride chooser("/proc/learn2add-cannot-write/pairs.png");
    EXPECT_EQ(exportFigureInteractively(*page->distributionPlot(), FigureFormat::Png), "");
    EXPECT_TRUE(window.banner()->isVisibleTo(&window));
    EXPECT_EQ(window.banner()->kind(), MessageBanner::Kind::Error);
    EXPECT_TRUE(window.banner()->text().contains("pairs.png"))
        << window.banner()->text().toStdString();
}

TEST(FigureExport, EveryPageHasExportableFigures) {
    MainWindow window({});
    window.resize(1400, 900);
    window.show();
    ASSERT_TRUE(waitForWindowData(window));
    for (const char* name : {"Data", "Autoencoder", "Addition", "Compare"}) {
        ASSERT_TRUE(window.showPage(name));
        QWidget* page = window.findChild<QStackedWidget*>()->currentWidget();
        const QList<QWidget*> figures = exportableFigures(*page);
        EXPECT_FALSE(figures.isEmpty()) << name;
        for (QWidget* figure : figures) EXPECT_FALSE(figureName(*figure).isEmpty()) << name;
    }
    EXPECT_TRUE(isExportable(*window.autoencoderPage()->curvePlot()));
    EXPECT_TRUE(isExportable(*window.autoencoderPage()->codeScatter()));
    EXPECT_TRUE(isExportable(*window.autoencoderPage()->reconstructions()));
    EXPECT_TRUE(isExportable(*window.dataPage()->distributionPlot()));
    EXPECT_TRUE(isExportable(*window.dataPage()->sampleDigits()));
    EXPECT_TRUE(isExportable(*window.additionPage()->gridPanel()->view()));
    EXPECT_TRUE(isExportable(*window.additionPage()->explorer()->transitionPlot()));
    EXPECT_TRUE(isExportable(*window.additionPage()->explorer()->probabilityPlot()));
    EXPECT_TRUE(isExportable(*window.comparisonPage()->transitionPlot()));
    EXPECT_TRUE(isExportable(*window.comparisonPage()->column(0)->latentPlot()));
    EXPECT_TRUE(isExportable(*window.comparisonPage()->column(2)->gridView()));
    EXPECT_EQ(figureName(*window.comparisonPage()->column(0)->latentPlot()),
              "Slot 1 · AE + P: latent path");
}

TEST(FigureExport, ToolbarMenuListsThePageFiguresAndExports) {
    QTemporaryDir dir;
    MainWindow window({});
    window.show();
    ASSERT_TRUE(waitForWindowData(window));
    auto* menu = window.findChild<FigureExportMenu*>();
    ASSERT_NE(menu, nullptr);
    ASSERT_NE(menu->button(), nullptr);
    EXPECT_EQ(menu->button()->text().remove('&'), "Export figure");
    EXPECT_EQ(menu->shortcutAction()->shortcut(), QKeySequence("Ctrl+E"));
    menu->shortcutAction()->trigger();  // what Ctrl+E does: the menu pops up under the button
    EXPECT_TRUE(testing::waitUntil([menu] { return menu->isVisible(); }, 2000));
    menu->hide();

    window.showPage("Data");
    menu->refresh();
    QStringList names;
    for (QAction* action : menu->actions()) names << action->text();
    EXPECT_TRUE(names.contains("Pairs per result digit…")) << names.join(", ").toStdString();
    EXPECT_TRUE(names.contains("Sample digits…")) << names.join(", ").toStdString();

    const QString path = dir.filePath("distribution.pdf");
    ChooserOverride chooser(path);
    for (QAction* action : menu->actions()) {
        if (action->text() == "Pairs per result digit…") action->trigger();
    }
    EXPECT_TRUE(readWholeFile(path).startsWith("%PDF"));
}

// LEARN2ADD_FIGURE_DIR=<folder> keeps every figure of every tab of every page there (PNG, SVG and
// PDF), with the shipped models open, to look at; skipped otherwise.
TEST(FigureExport, KeepsEveryFigureForALook) {
    const QString keep = qEnvironmentVariable("LEARN2ADD_FIGURE_DIR");
    if (keep.isEmpty()) GTEST_SKIP() << "set LEARN2ADD_FIGURE_DIR to keep the figures";
    const auto save = [&keep](QWidget& figure, const QString& prefix) {
        const QString base =
            QDir(keep).filePath(QString("%1 - %2").arg(prefix, figureName(figure)));
        for (const char* suffix : {".png", ".svg", ".pdf"})
            EXPECT_EQ(exportFigure(figure, base + suffix), "");
    };
    auto curves = curvePlotWithData();
    save(*curves, "Sample");
    CodeScatterPlot scatter;
    std::vector<float> codes;
    std::vector<std::uint8_t> labels;
    for (int i = 0; i < 500; ++i) {
        codes.push_back(float(std::cos(i * 0.7) * (i % 10)));
        codes.push_back(float(std::sin(i * 0.7) * (i % 10)));
        labels.push_back(std::uint8_t(i % 10));
    }
    scatter.showCodes(codes, labels, "validation codes, epoch 12");
    scatter.resize(420, 380);
    save(scatter, "Sample");
    // A report page: a plain QPainter on an A4 PDF at 300 dpi, the plot 16 cm wide.
    {
        QPdfWriter writer(QDir(keep).filePath("Sample - report page.pdf"));
        writer.setResolution(300);
        writer.setPageSize(QPageSize(QPageSize::A4));
        QPainter painter(&writer);
        painter.drawText(QPointF(0, 100), "A report page with a plot below, 16 cm wide");
        const double width = 16 / 2.54 * 300;
        paintFigure(*curves, painter, QRectF(0, 200, width, width * 320 / 480));
    }

    MainWindow window({});
    window.resize(1500, 950);
    window.show();
    ASSERT_TRUE(waitForWindowData(window));
    const QString pretrained =
        QDir::cleanPath(QString(LEARN2ADD_TEST_DATA_DIR) + "/../../resources/pretrained");
    window.additionPage()->openJudgeRun(pretrained + "/judge");
    window.additionPage()->openAdditionRun(pretrained + "/addition");
    window.comparisonPage()->openJudgeRun(pretrained + "/judge");
    int slot = 0;
    for (const char* kind : {"addition", "vae-addition", "vae-genp-addition"}) {
        window.comparisonPage()->openRun(slot++, pretrained + "/" + kind);
    }
    EXPECT_TRUE(testing::waitUntil(
        [&] { return window.additionPage()->modelText().contains("pretrained"); }, 20000))
        << window.additionPage()->banner()->text().toStdString();
    {
        // An image panel on a report page, 12 cm wide.
        QPdfWriter writer(QDir(keep).filePath("Sample - report page with digits.pdf"));
        writer.setResolution(300);
        writer.setPageSize(QPageSize(QPageSize::A4));
        QPainter painter(&writer);
        painter.drawText(QPointF(0, 100), "A report page with digits below, 12 cm wide");
        DigitMosaic* digits = window.dataPage()->pairExamples();
        const double width = 12 / 2.54 * 300;
        const QSize size = figureExportSize(*digits);
        paintFigure(*digits, painter, QRectF(0, 200, width, width * size.height() / size.width()));
    }
    for (const char* name : {"Data", "Autoencoder", "Addition", "Compare"}) {
        ASSERT_TRUE(window.showPage(name));
        QWidget* page = window.findChild<QStackedWidget*>()->currentWidget();
        auto* tabs = page->findChild<QTabWidget*>();
        for (int tab = 0; tab < (tabs ? tabs->count() : 1); ++tab) {
            if (tabs) tabs->setCurrentIndex(tab);
            testing::waitUntil([] { return false; }, 8000);  // models load, views arrive
            for (QWidget* figure : exportableFigures(*page)) save(*figure, name);
        }
    }
}

}  // namespace
}  // namespace learn2add::ui
