#include "manifold/CodeManifoldPanel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include "manifold/CodeManifoldSource.h"
#include "manifold/CodeManifoldView.h"
#include "plots/FigureExport.h"
#include "widgets/DigitMosaic.h"

namespace learn2add::ui {
namespace {

constexpr int kPriorItem = 1;

QString planeName(const QPointF& point, int decimals = 2) {
    return QStringLiteral("(%1, %2)").arg(point.x(), 0, 'f', decimals).arg(point.y(), 0, 'f', decimals);
}

}  // namespace

CodeManifoldPanel::CodeManifoldPanel(CodeManifoldSource* source, QString noModelText, QWidget* parent)
    : OnDemandPanel(parent), source_(source), noModelText_(std::move(noModelText)) {
    steps_ = new QSpinBox;
    steps_->setRange(5, 30);
    steps_->setValue(15);
    steps_->setToolTip(tr("Decoded tiles per side of the plane"));
    range_ = new QComboBox;
    range_->addItem(tr("The validation codes"));
    range_->addItem(tr("Prior ±3σ (VAE)"));
    range_->setToolTip(tr("The rectangle of the plane decoded: the validation codes' 1st to 99th "
                          "percentile (widened by a tenth), or three standard deviations around "
                          "the prior's mean for a variational encoder"));
    plane_ = new QLabel;
    plane_->setWordWrap(true);
    plane_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    connect(steps_, &QSpinBox::valueChanged, this, [this] { requestManifold(); });
    connect(range_, &QComboBox::currentIndexChanged, this, [this] { requestManifold(); });

    view_ = new CodeManifoldView;
    view_->clear(noModelText_);
    connect(view_, &CodeManifoldView::hovered, this, [this](QPointF point) { requestPoint(point, false); });
    connect(view_, &CodeManifoldView::clicked, this, [this](QPointF point) { requestPoint(point, true); });

    point_ = new DigitMosaic(1);
    makeExportable(*point_, tr("Decoded point of the plane"));
    point_->setMinimumSize(150, 170);
    pointText_ = new QLabel(tr("Hover the plane to decode a point; click it to add to that digit "
                               "in the addition explorer."));
    pointText_->setWordWrap(true);
    auto* pointLayout = new QVBoxLayout;
    pointLayout->addWidget(point_);
    pointLayout->addWidget(pointText_);
    pointLayout->addStretch(1);
    auto* pointBox = new QGroupBox(tr("The point under the mouse"));
    pointBox->setLayout(pointLayout);
    pointBox->setFixedWidth(200);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Tiles per side")));
    controls->addWidget(steps_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Range")));
    controls->addWidget(range_);
    controls->addSpacing(12);
    controls->addWidget(plane_, 1);
    auto* views = new QHBoxLayout;
    views->addWidget(view_, 1);
    views->addWidget(pointBox);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(views, 1);

    connect(source_, &CodeManifoldSource::manifoldReady, this, &CodeManifoldPanel::showManifold);
    connect(source_, &CodeManifoldSource::planePointReady, this, &CodeManifoldPanel::showPoint);
}

void CodeManifoldPanel::setData(std::shared_ptr<const LoadedData> data) {
    data_ = std::move(data);
    refresh();
}

bool CodeManifoldPanel::requestAll() {
    return requestManifold();
}

bool CodeManifoldPanel::requestManifold() {
    if (!data_ || data_->mnist.validation.size() < 2 || !source_->hasModel()) {
        const QString why = data_ ? noModelText_ : tr("No data loaded.");
        view_->clear(why);
        plane_->setText(why);
        return false;
    }
    ManifoldRequest request;
    request.validation = std::shared_ptr<const data::DigitSet>(data_, &data_->mnist.validation);
    request.steps = steps_->value();
    request.range = range_->currentIndex() == kPriorItem ? infer::ManifoldRange::Prior : infer::ManifoldRange::Codes;
    manifoldRequest_ = source_->requestManifold(std::move(request));
    return true;
}

void CodeManifoldPanel::showManifold(const ManifoldPicture& picture) {
    if (picture.sequence != manifoldRequest_) return;  // an older request's answer
    shownManifold_ = picture.sequence;
    // The prior's range only for a variational encoder; a plain encoder's codes follow no prior.
    if (auto* items = qobject_cast<QStandardItemModel*>(range_->model())) {
        items->item(kPriorItem)->setEnabled(picture.variational);
    }
    if (!picture.variational && range_->currentIndex() == kPriorItem) {
        range_->setCurrentIndex(0);  // asks again
        return;
    }
    view_->showChart(picture.chart);
    plane_->setText(picture.chart.planeText.isEmpty()
                        ? QString()
                        : tr("Code size %1 · %2").arg(picture.codeSize).arg(picture.chart.planeText));
    if (const auto clicked = view_->clickedPoint()) requestPoint(*clicked, false);
}

void CodeManifoldPanel::requestPoint(QPointF point, bool chosen) {
    // While another manifold is on its way (a new model, range or size), the plane on screen may
    // not be the one the worker holds: no point of it is decoded, and a click is not taken.
    if (manifoldRequest_ != shownManifold_) {
        pointText_->setText(tr("The manifold is being drawn again; point at it once it is shown."));
        return;
    }
    pointRequest_ = source_->requestPlanePoint(point, chosen);
    if (chosen) chosenRequest_ = pointRequest_;
}

void CodeManifoldPanel::showPoint(const PlanePoint& point) {
    if (point.sequence != pointRequest_ && point.sequence != chosenRequest_) return;
    shownPoint_ = point.sequence;
    if (point.image.isNull()) {  // the model changed: its plane is not fitted yet
        if (point.sequence == chosenRequest_) chosenRequest_ = 0;
        pointText_->setText(tr("The model changed; its manifold is drawn again, then click once more."));
        return;
    }
    point_->setTiles({{point.image, planeName(point.point), point.read}});
    pointText_->setText(point.read >= 0 ? tr("The judge reads %1. Click to add to this digit in the "
                                             "addition explorer.").arg(point.read)
                                        : tr("Click to add to this digit in the addition explorer."));
    if (point.sequence == chosenRequest_) {
        chosenRequest_ = 0;
        Q_EMIT inputChosen(AdditionInput::fromImage(point.image),
                           tr("point %1").arg(planeName(point.point, 1)));
    }
}

}  // namespace learn2add::ui
