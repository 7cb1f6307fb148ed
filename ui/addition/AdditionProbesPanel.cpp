#include "addition/AdditionProbesPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "addition/AdditionInference.h"
#include "addition/ProbeGridView.h"

namespace learn2add::ui {
namespace {

constexpr ProbeKind kKinds[] = {ProbeKind::Identity, ProbeKind::Composition, ProbeKind::Commutation};

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
    : OnDemandPanel(parent), inference_(inference) {
    images_ = new QSpinBox;
    images_->setRange(1, 200);
    images_->setValue(20);
    images_->setToolTip(tr("Test images per digit (the first ones of each digit)"));
    measure_ = new QPushButton(tr("Measure"));
    measure_->setToolTip(tr("Measure the probes again on the model and judge in use"));
    connect(measure_, &QPushButton::clicked, this, [this] { measure(); });
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
    for (int row = 0; row < 3; ++row) summary_->setItem(row, 0, item(probeCompares(kKinds[row])));

    probe_ = new QComboBox;
    for (const ProbeKind kind : kKinds) probe_->addItem(probeName(kind));
    probe_->setCurrentIndex(1);
    grid_ = new ProbeGridView;
    grid_->setKind(kKinds[1]);
    grid_->setMinimumHeight(330);
    grid_->setMaximumHeight(400);  // the grid whole on a laptop screen
    connect(probe_, &QComboBox::currentIndexChanged, this,
            [this](int index) { grid_->setKind(kKinds[std::clamp(index, 0, 2)]); });

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Images per digit")));
    controls->addWidget(images_);
    controls->addWidget(measure_);
    controls->addSpacing(12);
    controls->addWidget(status_, 1);
    auto* cellTitle = new QHBoxLayout;
    cellTitle->addWidget(new QLabel(tr("Judge agreement per input digit and total addend of")));
    cellTitle->addWidget(probe_);
    cellTitle->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(summary_);
    layout->addLayout(cellTitle);
    layout->addWidget(grid_);
    layout->addStretch(1);

    connect(inference_, &AdditionInference::probesProgress, this, &AdditionProbesPanel::showProgress);
    connect(inference_, &AdditionInference::probesReady, this, &AdditionProbesPanel::showProbes);
    status_->setText(tr("Open an addition run and a judge run: the judge reads both sides of every probe."));
}

void AdditionProbesPanel::setData(std::shared_ptr<const LoadedData> data) {
    data_ = std::move(data);
    refresh();
}

bool AdditionProbesPanel::requestAll() {
    return measure();
}

bool AdditionProbesPanel::measure() {
    if (!data_ || !inference_->hasModel() || !inference_->hasJudge()) {
        status_->setText(tr("Open an addition run and a judge run: the judge reads both sides of every probe."));
        return false;
    }
    requested_ = inference_->requestProbes(std::shared_ptr<const data::DigitSet>(data_, &data_->mnist.test),
                                           images_->value());
    status_->setText(tr("Measuring on %1 test images per digit…").arg(images_->value()));
    return true;
}

void AdditionProbesPanel::showProgress(const ProbesProgress& progress) {
    if (progress.sequence != requested_ || progress.digitsDone >= 10) return;  // the last one: its tables follow
    status_->setText(tr("Measuring on %1 test images per digit: digit %2 of 10 done…")
                         .arg(images_->value())
                         .arg(progress.digitsDone));
}

void AdditionProbesPanel::showProbes(const ProbesPicture& picture) {
    if (picture.sequence != requested_) return;
    probes_ = picture.probes;
    for (int row = 0; row < 3; ++row) {
        const infer::ProbeCell& overall = probeTable(*probes_, kKinds[row]).overall;
        summary_->setItem(row, 1, item(percent(overall.agreement())));
        summary_->setItem(row, 2, item(QString::number(overall.l2(), 'f', 4)));
        summary_->setItem(row, 3, item(QString::number(overall.count)));
    }
    status_->setText(tr("%1 test images per digit, measured in %2 s. Agreement: the judge reads both sides "
                        "as the same digit (identity: f(x, 0) as x's digit).")
                         .arg(probes_->imagesPerDigit)
                         .arg(picture.seconds, 0, 'f', 1));
    grid_->showProbes(*probes_);
}

}  // namespace learn2add::ui
