#include "addition/AdditionProbesPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "addition/AdditionInference.h"

namespace learn2add::ui {
namespace {

constexpr int kDigits = 10;

struct ProbeRow {
    const char* name;
    const char* compares;
    int firstSum;  // the smallest total addend the probe has cells for
};
constexpr ProbeRow kProbes[] = {{"identity", "f(x, 0) ~ x", 0},
                                {"composition", "f(f(x, a), b) ~ f(x, a + b)", 2},
                                {"commutation", "f(f(x, a), b) ~ f(f(x, b), a)", 3}};

const infer::ProbeTable& tableOf(const infer::AlgebraProbes& probes, int index) {
    return index == 0 ? probes.identity : index == 1 ? probes.composition : probes.commutation;
}

QString percent(double share) {
    return QString::number(100.0 * share, 'f', 1) + QLatin1Char('%');
}

QTableWidgetItem* item(const QString& text) {
    auto* cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return cell;
}

}  // namespace

AdditionProbesPanel::AdditionProbesPanel(AdditionInference* inference, QWidget* parent)
    : QWidget(parent), inference_(inference) {
    images_ = new QSpinBox;
    images_->setRange(1, 200);
    images_->setValue(20);
    images_->setToolTip(tr("Test images per digit (the first ones of each digit)"));
    measure_ = new QPushButton(tr("Measure"));
    measure_->setToolTip(tr("Measure the probes again on the model and judge in use"));
    connect(measure_, &QPushButton::clicked, this, &AdditionProbesPanel::measure);
    status_ = new QLabel;
    status_->setWordWrap(true);
    status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    summary_ = new QTableWidget(3, 4);
    summary_->setHorizontalHeaderLabels({tr("compares"), tr("judge agrees"), tr("L2 per pixel"), tr("pairs")});
    summary_->setVerticalHeaderLabels({tr("identity"), tr("composition"), tr("commutation")});
    summary_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    summary_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    summary_->setFixedHeight(summary_->horizontalHeader()->sizeHint().height() +
                             3 * summary_->verticalHeader()->defaultSectionSize() + 4);
    for (int row = 0; row < 3; ++row) summary_->setItem(row, 0, item(QString::fromUtf8(kProbes[row].compares)));

    probe_ = new QComboBox;
    for (const ProbeRow& row : kProbes) probe_->addItem(QString::fromUtf8(row.name));
    probe_->setCurrentIndex(1);
    connect(probe_, &QComboBox::currentIndexChanged, this, &AdditionProbesPanel::fillCells);
    cells_ = new QTableWidget(kDigits, kDigits);
    QStringList sums, digits;
    for (int i = 0; i < kDigits; ++i) {
        sums << QStringLiteral("+%1").arg(i);
        digits << QString::number(i);
    }
    cells_->setHorizontalHeaderLabels(sums);
    cells_->setVerticalHeaderLabels(digits);
    cells_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    cells_->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    cells_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    cells_->setMinimumHeight(240);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Images per digit")));
    controls->addWidget(images_);
    controls->addWidget(measure_);
    controls->addSpacing(12);
    controls->addWidget(status_, 1);
    auto* cellTitle = new QHBoxLayout;
    cellTitle->addWidget(new QLabel(tr("Judge agreement per input digit (rows) and total addend (columns) of")));
    cellTitle->addWidget(probe_);
    cellTitle->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(summary_);
    layout->addLayout(cellTitle);
    layout->addWidget(cells_, 1);

    connect(inference_, &AdditionInference::probesProgress, this, &AdditionProbesPanel::showProgress);
    connect(inference_, &AdditionInference::probesReady, this, &AdditionProbesPanel::showProbes);
    status_->setText(tr("Open an addition run and a judge run: the judge reads both sides of every probe."));
}

void AdditionProbesPanel::setData(std::shared_ptr<const LoadedData> data) {
    data_ = std::move(data);
    refresh();
}

void AdditionProbesPanel::refresh() {
    stale_ = true;
    if (isVisible()) measure();
}

void AdditionProbesPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) measure();
}

void AdditionProbesPanel::measure() {
    if (!data_ || !inference_->hasModel() || !inference_->hasJudge()) {
        status_->setText(tr("Open an addition run and a judge run: the judge reads both sides of every probe."));
        return;
    }
    stale_ = false;
    requested_ = inference_->requestProbes(std::shared_ptr<const data::DigitSet>(data_, &data_->mnist.test),
                                           images_->value());
    status_->setText(tr("Measuring on %1 test images per digit…").arg(images_->value()));
}

void AdditionProbesPanel::showProgress(const ProbesProgress& progress) {
    if (progress.sequence != requested_ || progress.digitsDone >= kDigits) return;
    status_->setText(tr("Measuring on %1 test images per digit: digit %2 of 10 done…")
                         .arg(images_->value())
                         .arg(progress.digitsDone));
}

void AdditionProbesPanel::showProbes(const ProbesPicture& picture) {
    if (picture.sequence != requested_) return;
    probes_ = picture.probes;
    for (int row = 0; row < 3; ++row) {
        const infer::ProbeCell& overall = tableOf(*probes_, row).overall;
        summary_->setItem(row, 1, item(percent(overall.agreement())));
        summary_->setItem(row, 2, item(QString::number(overall.l2(), 'f', 4)));
        summary_->setItem(row, 3, item(QString::number(overall.count)));
    }
    status_->setText(tr("%1 test images per digit, measured in %2 s. Agreement: the judge reads both sides "
                        "as the same digit (identity: f(x, 0) as x's digit).")
                         .arg(probes_->imagesPerDigit)
                         .arg(picture.seconds, 0, 'f', 1));
    fillCells();
}

void AdditionProbesPanel::fillCells() {
    cells_->clearContents();
    if (!probes_) return;
    const int index = probe_->currentIndex();
    const infer::ProbeTable& table = tableOf(*probes_, index);
    for (int d = 0; d < kDigits; ++d) {
        for (int s = 0; s < kDigits; ++s) {
            const infer::ProbeCell& cell = table.cells[static_cast<std::size_t>(d)][static_cast<std::size_t>(s)];
            if (cell.count == 0) continue;
            QTableWidgetItem* shown = item(percent(cell.agreement()));
            // Red (none agree) through yellow to green (all agree), light enough to read.
            shown->setBackground(QColor::fromHsvF(0.33 * cell.agreement(), 0.45, 1.0));
            shown->setForeground(Qt::black);
            shown->setTextAlignment(Qt::AlignCenter);
            shown->setToolTip(tr("%1 + %2: %3 of %4 pairs read alike, L2 per pixel %5")
                                  .arg(d)
                                  .arg(s)
                                  .arg(cell.agreed)
                                  .arg(cell.count)
                                  .arg(cell.l2(), 0, 'f', 4));
            cells_->setItem(d, s, shown);
        }
    }
}

}  // namespace learn2add::ui
