#pragma once
// The Data page: what the loaded data holds (digits per split and class), sample digits of every
// class, addition-pair examples (input, addend, output) and the distribution of the pairs per result
// digit with the per-addend breakdown. GUI thread only; it only reads the LoadedData it is given.

#include <QWidget>
#include <memory>

#include "data/LoadedData.h"

class QComboBox;
class QLabel;
class QTableWidget;

namespace learn2add::ui {

class DigitMosaic;
class PairDistributionPlot;

class DataPage : public QWidget {
    Q_OBJECT
public:
    explicit DataPage(QWidget* parent = nullptr);

    void showData(std::shared_ptr<const LoadedData> data);
    const LoadedData* data() const { return data_.get(); }

    // Exposed for tests and screenshots.
    DigitMosaic* sampleDigits() const { return samples_; }
    DigitMosaic* pairExamples() const { return pairs_; }
    PairDistributionPlot* distributionPlot() const { return plot_; }
    QTableWidget* splitTable() const { return splitTable_; }

public Q_SLOTS:
    // Shows other addition-pair examples.
    void reshufflePairs();

private:
    void showSplitTable();
    void showSamples();
    void showDistribution();

    std::shared_ptr<const LoadedData> data_;
    std::uint64_t pairDraw_ = 0;
    QLabel* summary_ = nullptr;
    QTableWidget* splitTable_ = nullptr;
    DigitMosaic* samples_ = nullptr;
    DigitMosaic* pairs_ = nullptr;
    QComboBox* distributionSplit_ = nullptr;
    PairDistributionPlot* plot_ = nullptr;
    QLabel* balance_ = nullptr;
};

}  // namespace learn2add::ui
