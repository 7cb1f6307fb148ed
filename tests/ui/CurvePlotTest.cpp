#include "plots/CurvePlot.h"

#include <gtest/gtest.h>
#include <QApplication>
#include <QMouseEvent>

#include "plots/CodeScatterPlot.h"
#include "plots/EmaSmoothing.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"

namespace learn2add::ui {
namespace {

// Two runs of three epochs, laid out at 600 x 400.
class CurvePlotTest : public ::testing::Test {
protected:
    void SetUp() override {
        plot.resize(600, 400);
        first = plot.addSeries("#1 upsample · L2 · code 2");
        second = plot.addSeries("#2 mirror · BCE · code 2");
        const double train[] = {0.30, 0.20, 0.15}, validation[] = {0.31, 0.22, 0.24};
        for (int e = 0; e < 3; ++e) {
            plot.addPoint(first, e + 1, train[e], validation[e]);
            plot.addPoint(second, e + 1, train[e] / 2, validation[e] / 2);
        }
        plot.setBest(first, 2, 0.22);
    }
    QPointF pixelOf(double epoch, double value) const {
        return {plot.xAxis->coordToPixel(epoch), plot.yAxis->coordToPixel(value)};
    }

    CurvePlot plot;
    int first = 0, second = 0;
};

TEST_F(CurvePlotTest, RedrawsOnATimerNotPerPoint) {
    EXPECT_EQ(plot.validationGraph(first)->dataCount(), 0);  // not drawn yet: the timer is pending
    ASSERT_TRUE(
        testing::waitUntil([&] { return plot.validationGraph(first)->dataCount() == 3; }, 2000));
    EXPECT_EQ(plot.trainGraph(first)->dataCount(), 3);
    EXPECT_EQ(plot.validationGraph(second)->dataCount(), 3);
    EXPECT_DOUBLE_EQ(plot.trainGraph(first)->data()->at(2)->value, 0.15);
    ASSERT_EQ(plot.bestMarker(first)->dataCount(), 1);
    EXPECT_DOUBLE_EQ(plot.bestMarker(first)->data()->at(0)->key, 2.0);
    EXPECT_EQ(plot.bestMarker(second)->dataCount(), 0);
}

TEST_F(CurvePlotTest, LegendNamesEachRunOnce) {
    plot.replotNow();
    ASSERT_EQ(plot.legend->itemCount(), 2);
    EXPECT_TRUE(plot.legend->hasItemWithPlottable(plot.validationGraph(first)));
    EXPECT_FALSE(plot.legend->hasItemWithPlottable(plot.trainGraph(first)));
    EXPECT_EQ(plot.validationGraph(second)->name(), "#2 mirror · BCE · code 2");
    EXPECT_NE(plot.validationGraph(first)->pen().color(),
              plot.validationGraph(second)->pen().color());
    EXPECT_EQ(plot.trainGraph(first)->pen().style(), Qt::DashLine);
}

TEST_F(CurvePlotTest, FitsTheViewToTheData) {
    plot.replotNow();
    EXPECT_LT(plot.xAxis->range().lower, 1.0);
    EXPECT_GT(plot.xAxis->range().upper, 3.0);
    EXPECT_LT(plot.yAxis->range().lower, 0.075);
    EXPECT_GT(plot.yAxis->range().upper, 0.31);
}

TEST_F(CurvePlotTest, SmoothingShowsTheEmaAndKeepsTheRawCurves) {
    plot.setSmoothing(0.6);
    plot.replotNow();
    const auto expected = emaSmooth({0.31, 0.22, 0.24}, 0.6);
    for (int i = 0; i < 3; ++i) {
        EXPECT_DOUBLE_EQ(plot.validationGraph(first)->data()->at(i)->value,
                         expected[static_cast<std::size_t>(i)]);
    }
    EXPECT_EQ(plot.graphCount(), 10);  // 5 per run: train, validation, 2 faint raw, best
    int visibleRaw = 0;
    for (int g = 0; g < plot.graphCount(); ++g) {
        visibleRaw += plot.graph(g)->visible() && plot.graph(g)->pen().color().alpha() < 255;
    }
    EXPECT_EQ(visibleRaw, 4);
    plot.setSmoothing(0.0);
    plot.replotNow();
    EXPECT_DOUBLE_EQ(plot.validationGraph(first)->data()->at(1)->value, 0.22);
}

TEST_F(CurvePlotTest, LogScaleUsesALogAxisWithAPositiveRange) {
    plot.setLogScale(true);
    plot.replotNow();
    EXPECT_EQ(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
    EXPECT_FALSE(plot.yAxis->ticker().dynamicCast<QCPAxisTickerLog>().isNull());
    EXPECT_GT(plot.yAxis->range().lower, 0.0);
    EXPECT_LT(plot.yAxis->range().lower, 0.075);
    plot.setLogScale(false);
    plot.replotNow();
    EXPECT_EQ(plot.yAxis->scaleType(), QCPAxis::stLinear);
}

TEST_F(CurvePlotTest, HoverShowsTheExactValueOfTheNearestPoint) {
    plot.replotNow();
    plot.replot(QCustomPlot::rpImmediateRefresh);  // lay out the axes
    const QPointF at = pixelOf(2, 0.22) + QPointF(3, -2);
    QMouseEvent move(QEvent::MouseMove, at, plot.mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(&plot, &move);
    ASSERT_TRUE(plot.readoutVisible());
    const QString text = plot.readoutText();
    EXPECT_TRUE(text.contains("#1 upsample · L2 · code 2 · validation")) << text.toStdString();
    EXPECT_TRUE(text.contains("epoch 2: 0.22")) << text.toStdString();
    EXPECT_TRUE(text.contains("best epoch")) << text.toStdString();

    plot.showReadoutAt(pixelOf(3, 0.15));
    EXPECT_TRUE(plot.readoutText().contains("train")) << plot.readoutText().toStdString();
    EXPECT_TRUE(plot.readoutText().contains("epoch 3: 0.15"));

    plot.showReadoutAt(QPointF(-500, -500));  // far from every point
    EXPECT_FALSE(plot.readoutVisible());
}

TEST_F(CurvePlotTest, PanningStopsFollowingTheDataUntilTheViewIsReset) {
    plot.replotNow();
    EXPECT_TRUE(plot.followsData());
    QWheelEvent wheel(QPointF(300, 200), plot.mapToGlobal(QPointF(300, 200)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&plot, &wheel);
    EXPECT_FALSE(plot.followsData());
    const QCPRange zoomed = plot.xAxis->range();
    plot.addPoint(first, 4, 0.1, 0.2);
    plot.replotNow();
    EXPECT_EQ(plot.xAxis->range(), zoomed);
    plot.resetView();
    plot.replotNow();
    EXPECT_GT(plot.xAxis->range().upper, 4.0);
}

TEST(CodeScatterPlot, DrawsOneColouredGraphPerDigit) {
    CodeScatterPlot plot;
    plot.showCodes({0, 0, 1, 1, 2, 2, 3, 3, 4, 4}, {0, 3, 3, 9, 12}, "codes");
    EXPECT_EQ(plot.pointCount(), 4);  // label 12 is not a digit
    EXPECT_EQ(plot.digitGraph(3)->dataCount(), 2);
    EXPECT_EQ(plot.digitGraph(9)->data()->at(0)->key, 3.0);
    EXPECT_EQ(plot.legend->itemCount(), 10);
    EXPECT_NE(plot.digitGraph(0)->scatterStyle().pen().color(),
              plot.digitGraph(1)->scatterStyle().pen().color());
    EXPECT_LE(plot.xAxis->range().lower, 0.0);
    EXPECT_GE(plot.xAxis->range().upper, 3.0);
    plot.clear("none");
    EXPECT_EQ(plot.pointCount(), 0);
}

}  // namespace
}  // namespace learn2add::ui
