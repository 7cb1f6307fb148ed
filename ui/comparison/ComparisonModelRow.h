#pragma once
// One model's row on the Compare page: its mean-mode output with the judge's reading, for a
// variational model its K samples (each with the judge's reading) and their per-pixel mean and
// standard deviation, and the fixed strip (input + 1, 2, 1.5, 1.4, 1.6) with readings; its title
// names the model and its addition accuracy. A deterministic model shows its mean output only.
// GUI thread only.
//
//   auto* row = new ComparisonModelRow(0);
//   row->setRun(info);
//   row->showView(view.rows[0], view.spreadScale, "7");
//   row->showStudy(study.models[0]);

#include <QGroupBox>

#include "comparison/ComparisonViewTypes.h"

class QLabel;

namespace learn2add::ui {

class DigitMosaic;

class ComparisonModelRow : public QGroupBox {
    Q_OBJECT
public:
    explicit ComparisonModelRow(int slot, QWidget* parent = nullptr);

    void setRun(const ComparisonRunInfo& info);
    void setAccuracy(const QString& text);
    void showView(const ModelView& view, double spreadScale, const QString& inputName,
                  double addend);
    void showStudy(const ModelStudy& study);
    void setSampleCount(int samples);

    bool hasRun() const { return hasRun_; }
    bool isVariational() const { return variational_; }
    quint64 viewsShown() const { return viewsShown_; }
    DigitMosaic* meanView() const { return mean_; }
    DigitMosaic* samplesView() const { return samples_; }
    DigitMosaic* statisticsView() const { return statistics_; }
    DigitMosaic* stripView() const { return strip_; }
    QString accuracyText() const;

private:
    void updateTitle();

    int slot_;
    bool hasRun_ = false;
    bool variational_ = false;
    quint64 viewsShown_ = 0;
    QString name_;
    QString accuracy_;
    QLabel* samplesTitle_ = nullptr;
    QLabel* deterministicNote_ = nullptr;
    QWidget* sampleBox_ = nullptr;
    DigitMosaic* mean_ = nullptr;
    DigitMosaic* samples_ = nullptr;
    DigitMosaic* statistics_ = nullptr;
    DigitMosaic* strip_ = nullptr;
};

}  // namespace learn2add::ui
