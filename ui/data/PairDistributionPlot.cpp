#include "data/PairDistributionPlot.h"

#include "plots/PlotSetup.h"

namespace learn2add::ui {

PairDistributionPlot::PairDistributionPlot(QWidget* parent) : QCustomPlot(parent) {
    title_ = setUpPlot(*this, tr("Pairs per result digit"));

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int n = 0; n < data::kDigitClasses; ++n) ticker->addTick(n, QString::number(n));
    xAxis->setTicker(ticker);
    xAxis->setRange(-0.7, 9.7);
    xAxis->setLabel("result digit n = input digit + addend");
    yAxis->setLabel("pairs");
    xAxis->grid()->setVisible(false);

    // Addend 0 at the bottom; a sequential palette so the stacking order reads at a glance.
    for (int a = 0; a < data::kDigitClasses; ++a) {
        auto* bars = new QCPBars(xAxis, yAxis);
        bars->setName(QString("+%1").arg(a));
        const QColor colour = QColor::fromHsvF(0.6 - 0.06 * a, 0.55 + 0.04 * a, 0.95 - 0.05 * a);
        bars->setBrush(colour);
        bars->setPen(QPen(colour.darker(130)));
        bars->setWidth(0.7);
        if (!bars_.isEmpty()) bars->moveAbove(bars_.back());
        bars_.append(bars);
    }
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), font().pointSize() - 1));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    legend->setWrap(5);  // two rows of five addends
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Vertical);
    axisRect()->setRangeZoom(Qt::Vertical);
}

void PairDistributionPlot::showPairs(const data::AdditionPairSet& pairs, const QString& title) {
    double highest = 0;
    for (int a = 0; a < data::kDigitClasses; ++a) {
        QVector<double> keys, values;
        for (int n = a; n < data::kDigitClasses; ++n) {
            keys.append(n);
            values.append(static_cast<double>(pairs.countByResultAndAddend[n][a]));
        }
        bars_[a]->setData(keys, values, true);
    }
    for (const std::size_t total : pairs.countPerResult()) highest = std::max(highest, double(total));
    yAxis->setRange(0, highest * 1.3 + 1);  // room for the legend above the tallest bar
    title_->setText(title);
    replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace learn2add::ui
