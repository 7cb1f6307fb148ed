#include "data/DataPage.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "common/SeededShuffle.h"
#include "data/PairDistributionPlot.h"
#include "plots/FigureExport.h"
#include "widgets/DigitImage.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

constexpr int kSampleRows = 10;
constexpr int kPairExamples = 10;

QGroupBox* dataFramed(const QString& title, QWidget* content, QWidget* extra = nullptr) {
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content, 1);
    if (extra) layout->addWidget(extra);
    return box;
}

}  // namespace

DataPage::DataPage(QWidget* parent) : QWidget(parent) {
    summary_ = new QLabel(tr("Loading data…"));
    summary_->setWordWrap(true);

    splitTable_ = new QTableWidget(3, data::kDigitClasses + 1);
    QStringList columns{tr("total")};
    for (int d = 0; d < data::kDigitClasses; ++d) columns << QString::number(d);
    splitTable_->setHorizontalHeaderLabels(columns);
    splitTable_->setVerticalHeaderLabels({tr("train"), tr("validation"), tr("test")});
    splitTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    splitTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    splitTable_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    splitTable_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    splitTable_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    splitTable_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    splitTable_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    splitTable_->setToolTip(tr("Images per split and digit. The split is stratified: every digit is "
                               "divided 80/10/10 (embedded data) the same way for a given seed."));

    samples_ = new DigitMosaic(data::kDigitClasses);
    QStringList headers;
    for (int d = 0; d < data::kDigitClasses; ++d) headers << QString::number(d);
    samples_->setColumnHeaders(headers);
    makeExportable(*samples_, tr("Sample digits"));

    pairs_ = new DigitMosaic(4);
    makeExportable(*pairs_, tr("Addition pairs"));
    auto* reshuffle = new QPushButton(tr("Other examples"));
    connect(reshuffle, &QPushButton::clicked, this, &DataPage::reshufflePairs);

    plot_ = new PairDistributionPlot;
    plot_->setMinimumSize(360, 280);
    distributionSplit_ = new QComboBox;
    distributionSplit_->addItems({tr("train pairs"), tr("validation pairs")});
    connect(distributionSplit_, &QComboBox::currentIndexChanged, this, [this] { showDistribution(); });
    balance_ = new QLabel;
    balance_->setWordWrap(true);
    auto* plotPanel = new QWidget;
    auto* plotLayout = new QVBoxLayout(plotPanel);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addWidget(distributionSplit_, 0, Qt::AlignLeft);
    plotLayout->addWidget(plot_, 1);
    plotLayout->addWidget(balance_);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(
        dataFramed(tr("Sample digits (train split), one column per class"), samples_));
    splitter->addWidget(
        dataFramed(tr("Addition pairs: input, then expected output"), pairs_, reshuffle));
    splitter->addWidget(dataFramed(tr("Pairs per result digit, stacked by addend"), plotPanel));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 4);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(splitTable_);
    layout->addWidget(splitter, 1);
}

void DataPage::showData(std::shared_ptr<const LoadedData> data) {
    data_ = std::move(data);
    const auto& mnist = data_->mnist;
    summary_->setText(tr("<b>%1</b> — %2 train, %3 validation, %4 test images of %5x%6 pixels, "
                         "seed %7, loaded and split in %8 ms. Models see them resized to 32x32 "
                         "(64x64 for the third decoder) with bilinear interpolation, values in [0, 1].")
                          .arg(QString::fromStdString(mnist.source))
                          .arg(mnist.train.size())
                          .arg(mnist.validation.size())
                          .arg(mnist.test.size())
                          .arg(mnist.train.cols)
                          .arg(mnist.train.rows)
                          .arg(data_->seed)
                          .arg(mnist.loadSeconds * 1000.0, 0, 'f', 0));
    showSplitTable();
    showSamples();
    reshufflePairs();
    showDistribution();
}

void DataPage::showSplitTable() {
    const data::DigitSet* splits[] = {&data_->mnist.train, &data_->mnist.validation, &data_->mnist.test};
    for (int row = 0; row < 3; ++row) {
        const auto counts = splits[row]->countPerClass();
        auto* total = new QTableWidgetItem(QString::number(splits[row]->size()));
        total->setTextAlignment(Qt::AlignCenter);
        QFont bold = total->font();
        bold.setBold(true);
        total->setFont(bold);
        splitTable_->setItem(row, 0, total);
        for (int d = 0; d < data::kDigitClasses; ++d) {
            auto* item = new QTableWidgetItem(QString::number(counts[d]));
            item->setTextAlignment(Qt::AlignCenter);
            splitTable_->setItem(row, d + 1, item);
        }
    }
}

void DataPage::showSamples() {
    const data::DigitSet& train = data_->mnist.train;
    std::vector<DigitMosaic::Tile> tiles(kSampleRows * data::kDigitClasses);
    for (int d = 0; d < data::kDigitClasses; ++d) {
        const auto indices = train.indicesOf(d);
        for (int r = 0; r < kSampleRows && r < static_cast<int>(indices.size()); ++r) {
            tiles[r * data::kDigitClasses + d].image = digitImage(train, indices[r]);
        }
    }
    samples_->setTiles(std::move(tiles));
}

void DataPage::reshufflePairs() {
    if (!data_) return;
    const auto& pairs = data_->trainPairs.pairs;
    const data::DigitSet& train = data_->mnist.train;
    SeededShuffle random(data_->seed + pairDraw_++);
    std::vector<DigitMosaic::Tile> tiles;
    for (int k = 0; k < kPairExamples && !pairs.empty(); ++k) {
        const data::AdditionPair& pair = pairs[random.below(pairs.size())];
        const int in = train.labels[pair.input];
        tiles.push_back({digitImage(train, pair.input), QString("%1 + %2").arg(in).arg(pair.addend)});
        tiles.push_back({digitImage(train, pair.output), QString("= %1").arg(train.labels[pair.output])});
    }
    pairs_->setTiles(std::move(tiles));
}

void DataPage::showDistribution() {
    if (!data_) return;
    const bool validation = distributionSplit_->currentIndex() == 1;
    const data::AdditionPairSet& pairs = validation ? data_->validationPairs : data_->trainPairs;
    plot_->showPairs(pairs, tr("%1 addition pairs from the %2 split")
                                .arg(pairs.size())
                                .arg(validation ? tr("validation") : tr("train")));
    const auto perResult = pairs.countPerResult();
    const auto perAddend = pairs.countPerAddend();
    balance_->setText(
        tr("<b>Balanced? No.</b> Result n can be reached from n + 1 input digits, so result 9 has "
           "%1 pairs and result 0 only %2 (%3x); addend 0 occurs in %4 pairs, addend 9 in %5. "
           "Within one result the addends are nearly even (truncated to the rarer digit).")
            .arg(perResult[9])
            .arg(perResult[0])
            .arg(pairs.resultImbalance(), 0, 'f', 1)
            .arg(perAddend[0])
            .arg(perAddend[9]));
}

}  // namespace learn2add::ui
