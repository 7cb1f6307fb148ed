#include "addition/AdditionPage.h"

#include <gtest/gtest.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QPaintEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include "addition/AddendControl.h"
#include "addition/AdditionExplorerPanel.h"
#include "addition/AdditionGridPanel.h"
#include "addition/AdditionGridView.h"
#include "addition/AdditionInference.h"
#include "addition/AdditionFeaturePanel.h"
#include "manifold/CodeManifoldPanel.h"
#include "addition/AdditionProbesPanel.h"
#include "addition/ProbeGridView.h"
#include "addition/FeatureMapView.h"
#include "addition/AdditionMorphPanel.h"
#include "manifold/CodeManifoldView.h"
#include "addition/AdditionTrainingPanel.h"
#include "addition/AdditionTrainingRunner.h"
#include "addition/DigitCanvas.h"
#include "addition/DigitTransitionPlot.h"
#include "addition/JudgeProbabilityPlot.h"
#include "common/SharedRuns.h"
#include "plots/CurvePlot.h"
#include "plots/FigureExport.h"
#include "shell/MainWindow.h"
#include "widgets/MessageBanner.h"
#include "track/RunFolder.h"
#include "training/TrainingProgressView.h"
#include "ui/AdditionRunFixtures.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

// Saves a picture of the widget when LEARN2ADD_SCREENSHOT_DIR is set.
void keepAdditionScreenshot(QWidget& widget, const QString& name) {
    const QString folder = qEnvironmentVariable("LEARN2ADD_SCREENSHOT_DIR");
    if (!folder.isEmpty()) widget.grab().save(folder + "/" + name + ".png");
}

// Records what happens to the widgets of one window: layout requests (a widget asked the layouts
// up to the window to run again) and the regions painted, per widget.
class RepaintRecorder : public QObject {
public:
    explicit RepaintRecorder(QWidget* window) : window_(window) {
        QApplication::instance()->installEventFilter(this);
    }
    ~RepaintRecorder() override { QApplication::instance()->removeEventFilter(this); }

    int layoutRequests = 0;
    std::map<const QWidget*, QRegion> painted;

protected:
    bool eventFilter(QObject* object, QEvent* event) override {
        if (!object->isWidgetType()) return false;
        auto* widget = static_cast<QWidget*>(object);
        if (widget != window_ && !window_->isAncestorOf(widget)) return false;
        if (event->type() == QEvent::LayoutRequest) ++layoutRequests;
        if (event->type() == QEvent::Paint) {
            painted[widget] += static_cast<QPaintEvent*>(event)->region();
        }
        return false;
    }

private:
    QWidget* window_;
};

// A page with the small data and the tiny judge and addition runs opened.
class AdditionPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        runs = &testing::tinyAdditionRuns();
        page.resize(1400, 900);
        page.setData(testing::smallData());
        page.show();
        page.openJudgeRun(runs->judge);
        page.openAdditionRun(runs->addition);
        ASSERT_TRUE(testing::waitUntil(
            [&] {
                return page.inference()->hasModel() && page.inference()->hasJudge() &&
                       page.explorer()->lastOutputSequence() > 0;
            },
            10000))
            << page.banner()->text().toStdString();
    }
    // Waits until the explorer shows the answer to its latest request.
    bool waitForOutput() {
        return testing::waitUntil(
            [&] {
                return page.explorer()->lastOutputSequence() ==
                       page.explorer()->lastRequestedOutput();
            },
            5000);
    }

    const testing::TinyAdditionRuns* runs = nullptr;
    AdditionPage page;
};

// The suite's CTest fixture for the tiny addition runs: trained once per ctest invocation.
TEST(LEARN2ADD_SHARED_RUNS_SUITE, TinyAdditionRuns) {
    testing::forgetSharedRunFolder("tiny-addition");
    const testing::TinyAdditionRuns& made = testing::tinyAdditionRuns();
    EXPECT_TRUE(QFile::exists(made.judge + "/best.pt"));
    EXPECT_TRUE(QFile::exists(made.addition + "/best.pt"));
}

TEST_F(AdditionPageTest, OpensBothRunsAndShowsTheJudgesReading) {
    // The folders are shown short ("…/parent/run"), never wider than the window.
    EXPECT_TRUE(page.modelText().contains(QDir(runs->addition).dirName()));
    EXPECT_TRUE(page.judgeText().contains(QDir(runs->judge).dirName()));
    ASSERT_TRUE(waitForOutput());
    const QImage output = page.explorer()->outputImage();
    EXPECT_EQ(output.width(), 32);
    EXPECT_EQ(output.height(), 32);
    EXPECT_GE(page.explorer()->probabilityPlot()->readDigit(), 0);
    double sum = 0.0;
    for (int d = 0; d < 10; ++d) sum += page.explorer()->probabilityPlot()->probability(d);
    EXPECT_NEAR(sum, 1.0, 1e-3);

    // The Train tab shows the opened run's curves from its metrics.csv, one point per epoch.
    const auto epochs = track::RunFolder::open(runs->addition.toStdString()).readMetrics().size();
    ASSERT_GT(epochs, 0u);
    AdditionTrainingPanel* training = page.trainingPanel();
    const int points = static_cast<int>(epochs);
    EXPECT_TRUE(testing::waitUntil(  // the plots draw their points at their next replot
        [&] {
            return training->lossPlot()->validationGraph(0)->dataCount() == points &&
                   training->spreadPlot()->validationGraph(0)->dataCount() == points;
        },
        5000));
    EXPECT_TRUE(training->progressView()->text().contains("from its metrics.csv"))
        << training->progressView()->text().toStdString();
    // The collapse diagnosis reads the same epochs, in words.
    const QString diagnosis = training->diagnosisLabel()->text();
    EXPECT_TRUE(diagnosis.contains(QStringLiteral("Code spread ")))
        << diagnosis.toStdString();
    EXPECT_TRUE(diagnosis.contains(QStringLiteral("at epoch %1").arg(points))) << diagnosis.toStdString();
    EXPECT_FALSE(diagnosis.contains(QStringLiteral("No epoch yet"))) << diagnosis.toStdString();
}

TEST_F(AdditionPageTest, TheSliderChangesTheOutputWithoutBlockingTheGuiThread) {
    AddendControl* addend = page.explorer()->addendControl();
    addend->setAddend(0.0);
    ASSERT_TRUE(waitForOutput());
    const QImage atZero = page.explorer()->outputImage();

    // Moving the slider only posts a request: its answer comes later, from the worker thread (a
    // structural check, not a timing one, so that it holds on a loaded machine).
    const quint64 requestedBefore = page.explorer()->lastRequestedOutput();
    addend->slider()->setValue(800);  // what a drag does: 8.00
    EXPECT_GT(page.explorer()->lastRequestedOutput(), requestedBefore);
    EXPECT_NE(page.explorer()->lastOutputSequence(), page.explorer()->lastRequestedOutput())
        << "the output was computed on the GUI thread";
    EXPECT_DOUBLE_EQ(addend->addend(), 8.0);
    EXPECT_DOUBLE_EQ(addend->spinBox()->value(), 8.0);
    ASSERT_TRUE(waitForOutput());
    const QImage atEight = page.explorer()->outputImage();
    ASSERT_EQ(atZero.size(), atEight.size());
    EXPECT_NE(atZero, atEight);

    // The digit is 7 by default: 7 + 8 is beyond the trained range.
    EXPECT_TRUE(addend->isExtrapolation());
    EXPECT_TRUE(addend->hint().contains("extrapolation"));
    addend->spinBox()->setValue(1.5);
    EXPECT_EQ(addend->slider()->value(), 150);
    EXPECT_FALSE(addend->isExtrapolation());

    // Typing a number above the largest addend is not swallowed (it read "1" for "13"): it is set
    // to the largest, and the hint says so until the addend moves again.
    addend->spinBox()->setFocus();
    addend->spinBox()->selectAll();
    QTest::keyClicks(addend->spinBox(), "13");
    QTest::keyClick(addend->spinBox(), Qt::Key_Return);
    EXPECT_DOUBLE_EQ(addend->addend(), AddendControl::kMaximum);
    EXPECT_TRUE(addend->hint().contains("13.00 is beyond the largest addend, 12.00"))
        << addend->hint().toStdString();
    addend->slider()->setValue(150);
    EXPECT_FALSE(addend->hint().contains("beyond")) << addend->hint().toStdString();
}

TEST_F(AdditionPageTest, ADragRepaintsOnlyWhatChanges) {
    AdditionExplorerPanel* explorer = page.explorer();
    DigitTransitionPlot* transition = explorer->transitionPlot();
    JudgeProbabilityPlot* bars = explorer->probabilityPlot();
    AddendControl* addend = explorer->addendControl();
    ASSERT_TRUE(testing::waitUntil([&] { return transition->pointCount() == 126; }, 5000));
    addend->setAddend(1.0);
    ASSERT_TRUE(waitForOutput());
    testing::waitUntil([] { return false; }, 300);  // every pending replot, layout and repaint

    QSignalSpy curveReplots(transition, &QCustomPlot::afterReplot);
    QSignalSpy barReplots(bars, &QCustomPlot::afterReplot);
    RepaintRecorder recorder(&page);
    // A drag over 1.01 .. 1.40: 7 + u stays within the trained range, as in the benchmark's drag
    // (bench/GuiLatencyBenchmark.cpp), each step waiting for its output.
    for (int value = 101; value <= 140; ++value) {
        addend->slider()->setValue(value);
        ASSERT_TRUE(waitForOutput());
    }
    testing::waitUntil([] { return false; }, 100);  // the last repaints

    // Everything followed the drag...
    EXPECT_DOUBLE_EQ(transition->markedAddend(), 1.4);
    EXPECT_TRUE(addend->hint().startsWith("7 + 1.40 = 8.40")) << addend->hint().toStdString();
    EXPECT_GE(bars->readDigit(), 0);
    EXPECT_GT(recorder.painted.count(explorer->outputView()), 0u);
    EXPECT_GT(recorder.painted.count(transition), 0u);
    EXPECT_GT(recorder.painted.count(bars), 0u);
    // ...without redrawing the curves or the bar chart's axes: only their buffered layers.
    EXPECT_EQ(curveReplots.count(), 0) << "moving the addend marker redrew the 10 curves";
    EXPECT_EQ(barReplots.count(), 0) << "new probabilities redrew the whole bar chart";
    // No text or image changed a size hint: no layout ran.
    EXPECT_EQ(recorder.layoutRequests, 0) << "a drag step made the window lay out again";
    // The plots paint every pixel they own: what lies beneath them is not painted again, and the
    // input and study boxes, where nothing else changes, are not painted at all.
    for (const auto& [widget, region] : recorder.painted) {
        const std::array<const QWidget*, 2> plots = {transition, bars};
        for (const QWidget* plot : plots) {
            if (widget == plot || !widget->isAncestorOf(plot)) continue;
            const QRect beneath(plot->mapTo(widget, QPoint(0, 0)), plot->size());
            EXPECT_FALSE(region.intersects(beneath))
                << widget->metaObject()->className() << " was painted beneath "
                << plot->metaObject()->className();
        }
    }
    EXPECT_EQ(recorder.painted.count(explorer->canvas()->parentWidget()), 0u);
    EXPECT_EQ(recorder.painted.count(transition->parentWidget()), 0u);
}

TEST_F(AdditionPageTest, StripsAndTransitionPlotFollowTheInput) {
    AdditionExplorerPanel* explorer = page.explorer();
    ASSERT_TRUE(
        testing::waitUntil([&] { return explorer->assignmentStrip()->tiles().size() == 5; }, 5000));
    EXPECT_TRUE(explorer->assignmentStrip()->tiles()[2].caption.startsWith("+1.5→"));
    EXPECT_EQ(explorer->sweepStrip()->tiles().size(), 31u);    // 0, 0.1, ..., 3
    EXPECT_EQ(explorer->transitionPlot()->pointCount(), 126);  // 0 .. 2.5 in 0.02 steps
    keepAdditionScreenshot(page, "addition-explore");
}

TEST_F(AdditionPageTest, ADrawnDigitBecomesTheInput) {
    DigitCanvas* canvas = page.explorer()->canvas();
    canvas->drawStroke({{0.5, 0.15}, {0.5, 0.5}, {0.5, 0.85}});  // a "1"
    EXPECT_FALSE(canvas->isBlank());
    const QImage digit = canvas->image();
    EXPECT_EQ(digit.size(), QSize(28, 28));
    EXPECT_GT(digit.pixelColor(14, 14).value(), 128);  // the stroke, centred
    EXPECT_EQ(digit.pixelColor(2, 2).value(), 0);      // black around
    EXPECT_EQ(page.explorer()->currentInput().digit, -1);
    EXPECT_EQ(page.explorer()->currentInput().rows, 28);
    ASSERT_TRUE(waitForOutput());
    EXPECT_FALSE(page.explorer()->outputImage().isNull());
}

TEST_F(AdditionPageTest, ABlankDrawingGetsNoAnswer) {
    ASSERT_TRUE(waitForOutput());  // the test image's answer is on show
    DigitCanvas* canvas = page.explorer()->canvas();
    canvas->clear();
    page.explorer()->useDrawnDigit();
    EXPECT_TRUE(page.explorer()->currentInput().empty());
    testing::waitUntil([] { return false; }, 300);  // an answer on its way must not land
    EXPECT_EQ(page.explorer()->probabilityPlot()->readDigit(), -1);
    ASSERT_EQ(page.explorer()->outputView()->tiles().size(), 1u);
    EXPECT_TRUE(page.explorer()->outputView()->tiles()[0].image.isNull());
    EXPECT_EQ(page.explorer()->outputView()->tiles()[0].caption, "Draw a digit in the box");
    EXPECT_TRUE(page.explorer()->assignmentStrip()->tiles().empty());
}

TEST_F(AdditionPageTest, TheGridHas55JudgedCellsAndExportsAt2x) {
    AdditionGridPanel* grid = page.gridPanel();
    ASSERT_TRUE(testing::waitUntil([&] { return !grid->view()->grid().canvas.isNull(); }, 5000));
    const GridPicture& picture = grid->view()->grid();
    EXPECT_EQ(picture.canvas.size(), QSize(320, 320));
    EXPECT_TRUE(picture.judged);
    EXPECT_EQ(picture.judgedCells(), 55);
    EXPECT_EQ(picture.read[9][1], -1);  // 9 + 1 has no cell
    EXPECT_GE(picture.read[3][6], 0);   // 3 + 6 has one

    // Cells with d + a > 9 are black.
    EXPECT_EQ(picture.canvas.pixelColor(9 * 32 + 16, 5 * 32 + 16).value(), 0);

    QTemporaryDir folder;
    const QString file = folder.filePath("grid.png");
    QString error;
    ASSERT_TRUE(grid->exportPng(file, &error)) << error.toStdString();
    const QImage exported(file);
    EXPECT_GE(exported.width(), 640);
    EXPECT_GE(exported.height(), 640);

    // Reshuffling asks for another grid on other inputs.
    const auto before = grid->inputChoices();
    grid->reshuffle();
    EXPECT_NE(grid->inputChoices(), before);
    page.showTab(1);
    testing::waitUntil([] { return false; }, 300);
    keepAdditionScreenshot(page, "addition-grid");
}

using testing::meanDifference;
using testing::sendMouse;

TEST_F(AdditionPageTest, TheCodeManifoldDecodesTheHoveredPointAndAClickAddsToIt) {
    CodeManifoldPanel* manifold = page.manifold();
    CodeManifoldView* view = manifold->view();
    EXPECT_EQ(manifold->lastRequestedManifold(), 0u) << "nothing is computed while the tab is hidden";
    page.tabs()->setCurrentWidget(manifold);
    ASSERT_TRUE(testing::waitUntil([&] { return view->hasChart(); }, 10000));
    EXPECT_EQ(view->chart().canvas.size(), QSize(15 * 32, 15 * 32));
    EXPECT_EQ(view->chart().points.size(), 2 * testing::smallData()->mnist.validation.size());
    // The tiny model's code has 7 values: the plane is a slice, and it says so.
    EXPECT_TRUE(manifold->planeLabel()->text().contains("a slice: the PCA plane of the 7-d codes"))
        << manifold->planeLabel()->text().toStdString();
    // A plain encoder (AE + P) has no prior to take a range from.
    const auto* items = qobject_cast<QStandardItemModel*>(manifold->rangeBox()->model());
    ASSERT_NE(items, nullptr);
    EXPECT_FALSE(items->item(1)->isEnabled());

    manifold->stepsBox()->setValue(6);
    ASSERT_TRUE(testing::waitUntil([&] { return view->chart().canvas.width() == 6 * 32; }, 10000));
    const infer::PlaneRange range = view->chart().range;
    // Hover the centre of the tile in row 1, column 2: its decoding is shown with where it lies.
    const double cellWidth = (range.xMax - range.xMin) / 6, cellHeight = (range.yMax - range.yMin) / 6;
    const QPointF centre(range.xMin + 2.5 * cellWidth, range.yMax - 1.5 * cellHeight);
    const QPointF at = view->tilesPosition(centre);
    sendMouse(*view, QEvent::MouseMove, at);
    ASSERT_TRUE(testing::waitUntil(
        [&] { return manifold->lastPointSequence() > 0 && !manifold->pointView()->tiles().empty(); }, 5000));
    const DigitTile hovered = manifold->pointView()->tiles().front();
    EXPECT_EQ(hovered.image.size(), QSize(32, 32));
    EXPECT_TRUE(hovered.caption.startsWith("(")) << hovered.caption.toStdString();
    EXPECT_GE(hovered.read, 0) << "the judge reads it";
    // Within a pixel of the tile's centre: the same decoding as the tile (row 0 is the top).
    const QImage tile = view->chart().canvas.copy(2 * 32, 1 * 32, 32, 32);
    EXPECT_LT(meanDifference(hovered.image, tile), 4.0);
    keepAdditionScreenshot(page, "addition-manifold");

    // A click hands that digit to the explorer, which adds to it, also when the mouse moves on
    // before the answer comes (hovering does not drop the click).
    sendMouse(*view, QEvent::MouseButtonRelease, at, Qt::LeftButton);
    sendMouse(*view, QEvent::MouseMove, view->tilesPosition(QPointF(range.xMin + 4.5 * cellWidth, range.yMin + 0.5 * cellHeight)));
    AdditionExplorerPanel* explorer = page.explorer();
    ASSERT_TRUE(testing::waitUntil([&] { return page.tabs()->currentWidget() == explorer; }, 5000));
    EXPECT_TRUE(explorer->manifoldSource()->isVisible());
    EXPECT_TRUE(explorer->manifoldSource()->isChecked());
    const AdditionInput input = explorer->currentInput();
    EXPECT_EQ(input.digit, -1);
    EXPECT_LT(meanDifference(input.toImage(), hovered.image), 1.0);
    ASSERT_TRUE(waitForOutput());
    EXPECT_FALSE(explorer->outputImage().isNull());
    // Back to a test image: the manifold's point stays on offer.
    explorer->chooseTestImage(3, 0);
    EXPECT_FALSE(explorer->manifoldSource()->isChecked());
    EXPECT_EQ(explorer->currentInput().digit, 3);
}

TEST_F(AdditionPageTest, TheManifoldIsFittedAgainForANewModelAndAVariationalOneOffersItsPrior) {
    CodeManifoldPanel* manifold = page.manifold();
    CodeManifoldView* view = manifold->view();
    page.tabs()->setCurrentWidget(manifold);
    ASSERT_TRUE(testing::waitUntil([&] { return view->hasChart(); }, 10000));
    const auto* items = qobject_cast<QStandardItemModel*>(manifold->rangeBox()->model());
    ASSERT_NE(items, nullptr);
    EXPECT_FALSE(items->item(1)->isEnabled());
    const std::vector<float> before = view->chart().points;

    page.openAdditionRun(testing::tinyComparisonRuns().variational);  // a VAE + P
    ASSERT_TRUE(testing::waitUntil([&] { return items->item(1)->isEnabled(); }, 10000))
        << "the new model's plane (variational) replaces the old one's";
    EXPECT_NE(view->chart().points, before);
    manifold->rangeBox()->setCurrentIndex(1);
    ASSERT_TRUE(testing::waitUntil(
        [&] { return std::abs(view->chart().range.xMax - view->chart().range.xMin - 6.0) < 1e-9; }, 10000));
    EXPECT_NEAR(view->chart().range.yMax - view->chart().range.yMin, 6.0, 1e-9) << "±3σ of the prior";
}

TEST_F(AdditionPageTest, TheMorphRunsBetweenTwoTestImagesBesideTheSums) {
    AdditionMorphPanel* morph = page.morph();
    EXPECT_EQ(morph->lastRequestedMorph(), 0u) << "nothing is computed while the tab is hidden";
    page.tabs()->setCurrentWidget(morph);
    ASSERT_TRUE(testing::waitUntil(
        [&] { return morph->lastMorphSequence() > 0 && morph->lastPointSequence() > 0; }, 10000));
    // 3 into 5 in 9 steps, beside 3 + 0, 0.25, ..., 2, every image read by the judge.
    const auto& strip = morph->morphStrip()->tiles();
    const auto& sums = morph->sumStrip()->tiles();
    ASSERT_EQ(strip.size(), 9u);
    ASSERT_EQ(sums.size(), 9u);
    EXPECT_EQ(strip[4].caption, "t=0.50");
    EXPECT_EQ(sums[8].caption, "+2.00");
    for (const DigitTile& tile : strip) EXPECT_GE(tile.read, 0);
    EXPECT_TRUE(morph->distanceLabel()->text().startsWith("Mean L2 per pixel between the two rows at equal t: 0."))
        << morph->distanceLabel()->text().toStdString();
    // The slider's t = 0 and t = 1 are the strip's ends.
    ASSERT_EQ(morph->pointView()->tiles().size(), 1u);
    EXPECT_LT(meanDifference(morph->pointView()->tiles()[0].image, strip.front().image), 1.0);
    const quint64 before = morph->lastPointSequence();
    morph->tSlider()->setValue(morph->tSlider()->maximum());
    ASSERT_TRUE(testing::waitUntil([&] { return morph->lastPointSequence() > before; }, 5000));
    EXPECT_EQ(morph->pointView()->tiles()[0].caption, "t = 1.00");
    EXPECT_LT(meanDifference(morph->pointView()->tiles()[0].image, strip.back().image), 1.0);
    keepAdditionScreenshot(page, "addition-morph");

    // Going down (5 into 3) there are no sums to compare with.
    const quint64 shown = morph->lastMorphSequence();
    morph->choose(5, 0, 3, 0);
    ASSERT_TRUE(testing::waitUntil([&] { return morph->lastMorphSequence() > shown; }, 10000));
    EXPECT_EQ(morph->morphStrip()->tiles().size(), 9u);
    EXPECT_TRUE(morph->sumStrip()->tiles().empty());
    EXPECT_TRUE(morph->distanceLabel()->text().isEmpty());
}

TEST_F(AdditionPageTest, TheMorphTakesTheExplorersDrawnDigitAsAnEnd) {
    AdditionMorphPanel* morph = page.morph();
    DigitCanvas* canvas = page.explorer()->canvas();
    canvas->drawStroke({{0.5, 0.15}, {0.5, 0.5}, {0.5, 0.85}});  // a "1"
    const AdditionInput drawn = page.explorer()->currentInput();
    ASSERT_EQ(drawn.digit, -1);
    page.tabs()->setCurrentWidget(morph);
    ASSERT_TRUE(testing::waitUntil([&] { return morph->lastMorphSequence() > 0; }, 10000));
    const quint64 shown = morph->lastMorphSequence();
    morph->fromSourceBox()->setCurrentIndex(1);  // the explorer's input
    ASSERT_TRUE(testing::waitUntil([&] { return morph->lastMorphSequence() > shown; }, 10000));
    EXPECT_EQ(morph->morphTitle()->text(), "Morph drawn digit → 5 (linear), t = 0 … 1")
        << morph->morphTitle()->text().toStdString();
    // The strip starts at the drawing's decoding, not the test image's 3; no sums without a digit.
    ASSERT_EQ(morph->morphStrip()->tiles().size(), 9u);
    EXPECT_TRUE(morph->sumStrip()->tiles().empty());
    EXPECT_TRUE(morph->sumsTitle()->text().contains("is not known")) << morph->sumsTitle()->text().toStdString();

    // A new stroke in the explorer is morphed at once (the tab is shown).
    const QImage before = morph->morphStrip()->tiles().front().image;
    const quint64 again = morph->lastMorphSequence();
    canvas->drawStroke({{0.2, 0.3}, {0.8, 0.3}});
    ASSERT_TRUE(testing::waitUntil([&] { return morph->lastMorphSequence() > again; }, 10000));
    EXPECT_GT(meanDifference(morph->morphStrip()->tiles().front().image, before), 0.5);
}

TEST_F(AdditionPageTest, FeatureMapsShowEveryChannelOfTheExplorersInputAndFollowTheSlider) {
    AdditionFeaturePanel* features = page.features();
    page.explorer()->chooseTestImage(7, 0);
    EXPECT_EQ(features->lastRequestedSequence(), 0u) << "nothing is computed while the tab is hidden";
    page.tabs()->setCurrentWidget(features);
    ASSERT_TRUE(testing::waitUntil([&] { return features->lastShownSequence() > 0; }, 10000));
    const FeatureMapChart& chart = features->view()->chart();
    ASSERT_EQ(chart.encoder.size(), 3u);
    ASSERT_EQ(chart.decoder.size(), 3u);
    EXPECT_EQ(chart.encoder[0].tiles.size(), 32u);
    EXPECT_EQ(chart.encoder[2].tiles.size(), 128u);
    EXPECT_EQ(chart.decoder[0].tiles.size(), 64u);
    EXPECT_EQ(chart.inputCaption, "7");
    EXPECT_EQ(chart.outputCaption, "7 + 1.00");
    EXPECT_FALSE(chart.input.isNull());

    // Hovering a tile names its stage and channel, as its tooltip does.
    FeatureMapView* view = features->view();
    QPointF onTile;
    for (int y = 0; y < view->height() && onTile.isNull(); y += 2) {
        if (view->describeTileAt(QPointF(3, y)).startsWith("E conv1")) onTile = QPointF(3, y);
    }
    ASSERT_FALSE(onTile.isNull()) << "a tile of E conv1 at the left edge";
    sendMouse(*view, QEvent::MouseMove, onTile);
    const QString text = features->tileLabel()->text();
    EXPECT_TRUE(text.startsWith("E conv1 · channel ")) << text.toStdString();
    EXPECT_TRUE(text.contains("(rank 1 of 32 by mean)")) << text.toStdString();
    EXPECT_EQ(view->toolTip(), text);
    keepAdditionScreenshot(page, "addition-features");

    // The slider moves the decoder's maps, not the encoder's.
    const quint64 before = features->lastShownSequence();
    const QImage encoderTile = chart.encoder[1].tiles[0].image;
    features->addendControl()->setAddend(2.0);
    ASSERT_TRUE(testing::waitUntil([&] { return features->lastShownSequence() > before; }, 5000));
    EXPECT_EQ(features->view()->chart().outputCaption, "7 + 2.00");
    EXPECT_EQ(features->view()->chart().encoder[1].tiles[0].image, encoderTile);
}

TEST_F(AdditionPageTest, TheProbesTabMeasuresIdentityCompositionAndCommutationPerCell) {
    AdditionProbesPanel* probes = page.probes();
    probes->imagesBox()->setValue(3);
    EXPECT_EQ(probes->lastRequestedProbes(), 0u) << "nothing is measured while the tab is hidden";
    page.tabs()->setCurrentWidget(probes);
    ASSERT_TRUE(testing::waitUntil([&] { return probes->shownProbes().has_value(); }, 30000))
        << probes->statusLabel()->text().toStdString();
    const infer::AlgebraProbes& measured = *probes->shownProbes();
    EXPECT_EQ(measured.imagesPerDigit, 3);
    // Every valid cell once per image: 10 identities, 120 compositions and 50 commutations.
    EXPECT_EQ(measured.identity.overall.count, 30);
    EXPECT_EQ(measured.composition.overall.count, 360);
    EXPECT_EQ(measured.commutation.overall.count, 150);
    QTableWidget* summary = probes->summaryTable();
    EXPECT_EQ(summary->item(0, 3)->text(), "30");
    EXPECT_EQ(summary->item(1, 3)->text(), "360");
    EXPECT_TRUE(summary->item(2, 1)->text().endsWith("%"));
    EXPECT_TRUE(probes->statusLabel()->text().startsWith("3 test images per digit, measured in"))
        << probes->statusLabel()->text().toStdString();
    // The grid shows the chosen probe (composition first), and another when chosen.
    ProbeGridView* grid = probes->gridView();
    ASSERT_TRUE(grid->probes().has_value());
    EXPECT_EQ(grid->kind(), ProbeKind::Composition);
    EXPECT_EQ(grid->probes()->composition.cells[0][2].count, 3);
    EXPECT_EQ(grid->probes()->composition.cells[0][1].count, 0) << "a, b >= 1: no total addend 1";
    probes->probeBox()->setCurrentIndex(2);
    EXPECT_EQ(grid->kind(), ProbeKind::Commutation);
    EXPECT_TRUE(isExportable(*grid));
    QTemporaryDir folder;
    const QString exported = folder.filePath("probe.png");
    ASSERT_EQ(exportFigure(*grid, exported), QString());
    EXPECT_FALSE(QImage(exported).isNull());
    keepAdditionScreenshot(page, "addition-probes");
}

TEST_F(AdditionPageTest, TabsAreShownByTheirNames) {
    ASSERT_EQ(AdditionPage::tabNames().size(), page.tabs()->count());
    EXPECT_TRUE(page.showTab("Train"));
    EXPECT_EQ(page.tabs()->currentWidget(), page.trainingPanel());
    EXPECT_TRUE(page.showTab("manifold"));
    EXPECT_EQ(page.tabs()->currentWidget(), page.manifold());
    EXPECT_TRUE(page.showTab("probes"));
    EXPECT_EQ(page.tabs()->currentWidget(), page.probes());
    EXPECT_FALSE(page.showTab("nowhere"));
    EXPECT_EQ(page.tabs()->currentWidget(), page.probes());
}

TEST_F(AdditionPageTest, BadRunFoldersShowAnErrorAndKeepTheModel) {
    const QString modelBefore = page.modelText();
    page.openAdditionRun(runs->empty);
    ASSERT_TRUE(testing::waitUntil([&] { return page.banner()->isVisible(); }, 5000));
    EXPECT_EQ(page.banner()->kind(), MessageBanner::Kind::Error);
    EXPECT_TRUE(page.banner()->text().contains("Could not open the addition run"));
    EXPECT_TRUE(page.banner()->text().contains("still in use"));
    EXPECT_EQ(page.modelText(), modelBefore);

    page.banner()->hide();
    page.openAdditionRun(runs->judge);  // a run of another kind
    ASSERT_TRUE(testing::waitUntil([&] { return page.banner()->isVisible(); }, 5000));
    EXPECT_TRUE(page.banner()->text().contains("judge")) << page.banner()->text().toStdString();
    EXPECT_TRUE(page.banner()->text().contains("addition"));
    EXPECT_EQ(page.modelText(), modelBefore);

    // The model still answers.
    page.explorer()->addendControl()->setAddend(2.0);
    ASSERT_TRUE(waitForOutput());
    EXPECT_FALSE(page.explorer()->outputImage().isNull());
}

TEST(AdditionInference, CoalescesRapidRequestsAndServesTheLastOne) {
    const auto& runs = testing::tinyAdditionRuns();
    AdditionInference inference;
    inference.openAdditionRun(runs.addition);
    ASSERT_TRUE(testing::waitUntil([&] { return inference.hasModel(); }, 10000));
    QSignalSpy results(&inference, &AdditionInference::outputReady);
    const auto data = testing::smallData();
    const AdditionInput input = AdditionInput::fromDigitSet(data->mnist.test, 0);
    quint64 last = 0;
    for (int k = 0; k < 100; ++k) last = inference.requestOutput(input, k * 0.05);
    ASSERT_TRUE(testing::waitUntil(
        [&] {
            return !results.isEmpty() &&
                   results.last().at(0).value<OutputResult>().sequence == last;
        },
        5000));
    testing::waitUntil([] { return false; }, 100);  // nothing else may follow
    const auto served = results.last().at(0).value<OutputResult>();
    EXPECT_EQ(served.sequence, last);
    EXPECT_NEAR(served.addend, 99 * 0.05, 1e-9);
    EXPECT_LE(results.count(), 10) << "100 requests posted in a burst must coalesce";
}

TEST_F(AdditionPageTest, TheFormTrainsFromTheTuplesAloneUnlessTheLabelAidsAreTicked) {
    AdditionTrainingPanel* training = page.trainingPanel();
    QCheckBox* aids = training->labelAidsBox();
    EXPECT_FALSE(aids->isChecked());
    EXPECT_TRUE(aids->isEnabled());
    QString error;
    auto job = training->jobFromForm(error);
    ASSERT_TRUE(job) << error.toStdString();
    EXPECT_FALSE(job->options.usesDigitLabels());
    EXPECT_EQ(job->options.learningRateSchedule(), train::LearningRateSchedule::Cosine);
    EXPECT_FALSE(job->name.contains("digit labels")) << job->name.toStdString();

    aids->setChecked(true);
    job = training->jobFromForm(error);
    ASSERT_TRUE(job) << error.toStdString();
    EXPECT_TRUE(job->options.usesDigitLabels());
    EXPECT_TRUE(job->name.endsWith("digit labels")) << job->name.toStdString();

    // The exact recipe has no aids: the box is off limits and ignored.
    training->recipeBox()->setCurrentIndex(training->recipeBox()->findData("assignment"));
    EXPECT_FALSE(aids->isEnabled());
    job = training->jobFromForm(error);
    ASSERT_TRUE(job) << error.toStdString();
    EXPECT_FALSE(job->options.usesDigitLabels());
    EXPECT_EQ(job->options.learningRateSchedule(), train::LearningRateSchedule::Constant);
    training->recipeBox()->setCurrentIndex(training->recipeBox()->findData("guided"));
    aids->setChecked(false);
}

TEST_F(AdditionPageTest, TrainsFromThePageWithCurvesAndAGridPerEpoch) {
    AdditionTrainingPanel* training = page.trainingPanel();
    EXPECT_EQ(training->judgeEdit()->text(), runs->judge);  // suggested by the opened judge
    EXPECT_EQ(training->epochsBox()->value(), 100);
    EXPECT_EQ(training->recipeBox()->currentData().toString(), "guided");
    training->epochsBox()->setValue(2);
    training->batchesBox()->setValue(3);
    QSlider* step = page.gridPanel()->stepSlider();
    const int maximumBefore = step->maximum();
    // A cell that is not in the table is refused in words; a held-out cell is marked on the grid.
    training->heldOutEdit()->setText("3+7");
    training->trainButton()->click();
    EXPECT_FALSE(training->runner()->isRunning());
    EXPECT_TRUE(page.banner()->text().contains("the sum 10 is over 9")) << page.banner()->text().toStdString();
    training->heldOutEdit()->setText("3+4, 8..9");
    training->trainButton()->click();
    ASSERT_TRUE(training->runner()->isRunning()) << page.banner()->text().toStdString();
    EXPECT_TRUE(training->stopButton()->isEnabled());
    EXPECT_FALSE(training->trainButton()->isEnabled());
    ASSERT_TRUE(testing::waitUntil([&] { return !training->runner()->isRunning(); }, 60000));
    EXPECT_FALSE(page.banner()->isVisible() && page.banner()->kind() == MessageBanner::Kind::Error)
        << page.banner()->text().toStdString();

    ASSERT_TRUE(testing::waitUntil(
        [&] { return training->lossPlot()->validationGraph(0)->dataCount() == 2; }, 2000));
    for (int series = 0; series < 4; ++series) {
        EXPECT_EQ(training->lossPlot()->trainGraph(series)->dataCount(), 2);
        EXPECT_EQ(training->lossPlot()->validationGraph(series)->dataCount(), 2);
    }
    EXPECT_EQ(training->spreadPlot()->validationGraph(0)->dataCount(), 2);
    EXPECT_EQ(training->accuracyPlot()->validationGraph(0)->dataCount(), 2);

    EXPECT_EQ(page.gridPanel()->history().size(), 2u);
    EXPECT_EQ(page.gridPanel()->history()[1].epoch, 2);
    EXPECT_EQ(page.gridPanel()->history()[1].judgedCells(), 55);
    EXPECT_EQ(page.gridPanel()->history()[1].heldOut.toString(), "0+8,0+9,1+8,3+4");
    EXPECT_GT(step->maximum(), maximumBefore + 1);
    step->setValue(1);  // back to epoch 1
    EXPECT_EQ(page.gridPanel()->view()->grid().epoch, 1);
    ASSERT_TRUE(testing::waitUntil([&] { return page.modelText().contains("training"); }, 5000));
    page.tabs()->setCurrentWidget(page.trainingPanel());
    keepAdditionScreenshot(page, "addition-train");
}

TEST_F(AdditionPageTest, ContinuesARunInItsOwnFolder) {
    // A copy of the tiny addition run (1 epoch), continued to 2 epochs from its last.pt.
    QTemporaryDir scratch;
    ASSERT_TRUE(scratch.isValid());
    const QString folder = scratch.filePath(QStringLiteral("addition"));
    ASSERT_TRUE(QDir().mkpath(folder));
    for (const char* file : {"config.json", "metrics.csv", "best.pt", "last.pt"}) {
        ASSERT_TRUE(QFile::copy(runs->addition + "/" + file, folder + "/" + file)) << file;
    }
    AdditionTrainingPanel* training = page.trainingPanel();
    training->epochsBox()->setValue(2);
    training->continueRun(folder);
    ASSERT_TRUE(training->runner()->isRunning()) << page.banner()->text().toStdString();
    EXPECT_FALSE(training->continueButton()->isEnabled());
    ASSERT_TRUE(testing::waitUntil([&] { return !training->runner()->isRunning(); }, 60000));
    EXPECT_FALSE(page.banner()->isVisible() && page.banner()->kind() == MessageBanner::Kind::Error)
        << page.banner()->text().toStdString();
    QFile metrics(folder + "/metrics.csv");
    ASSERT_TRUE(metrics.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(metrics.readAll()).trimmed().split('\n');
    ASSERT_EQ(lines.size(), 3) << lines.join(" | ").toStdString();
    EXPECT_TRUE(lines[2].startsWith("2,")) << lines[2].toStdString();

    // A folder that holds no run is refused with a message, and nothing starts.
    training->continueRun(runs->empty);
    EXPECT_FALSE(training->runner()->isRunning());
    EXPECT_TRUE(page.banner()->text().contains("Cannot continue")) << page.banner()->text().toStdString();
}

TEST(AdditionMainWindow, ClosingDuringTrainingStopsTheTraining) {
    const auto& runs = testing::tinyAdditionRuns();
    MainWindow window({});
    window.show();
    ASSERT_TRUE(testing::waitUntil([&] { return window.loadedData() != nullptr; }, 20000));
    AdditionPage* page = window.additionPage();
    page->setData(testing::smallData());
    page->trainingPanel()->judgeEdit()->setText(runs.judge);
    page->trainingPanel()->epochsBox()->setValue(50);
    page->trainingPanel()->batchesBox()->setValue(20);  // also bounds the guided recipe's warm-up
    page->trainingPanel()->trainButton()->click();
    ASSERT_TRUE(page->trainingPanel()->runner()->isRunning());
    QSignalSpy progress(page->trainingPanel()->runner(), &AdditionTrainingRunner::progress);
    ASSERT_TRUE(testing::waitUntil([&] { return progress.count() >= 2; }, 30000));
    // The training stops at its next batch: at most one more progress report after the close (how
    // long that takes depends on the machine and its load, so it is measured in batches).
    EXPECT_TRUE(testing::closeLikeAWindowManager(window));
    EXPECT_FALSE(window.isVisible());
    const int reportsAtClose = progress.count();
    ASSERT_TRUE(
        testing::waitUntil([&] { return !page->trainingPanel()->runner()->isRunning(); }, 60000));
    EXPECT_LE(progress.count(), reportsAtClose + 1);
}

}  // namespace
}  // namespace learn2add::ui
