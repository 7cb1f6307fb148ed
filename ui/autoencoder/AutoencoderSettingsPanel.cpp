#include "autoencoder/AutoencoderSettingsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>
#include <algorithm>
#include <limits>

#include "common/TorchRuntime.h"
#include "models/DecoderKind.h"
#include "widgets/FolderDialog.h"
#include "train/TrainingLimits.h"
#include "widgets/PrecisionBox.h"
#include "widgets/RememberedFormValues.h"

namespace learn2add::ui {
namespace {

constexpr int kQuickAutoencoderEpochs = 5;
constexpr int kAssignmentEpochs = 100;

QSpinBox* spin(int low, int high, int value) {
    auto* box = new QSpinBox;
    box->setRange(low, high);
    box->setValue(value);
    return box;
}

QToolButton* presetButton(const QString& text, const QString& tip) {
    auto* button = new QToolButton;
    button->setText(text);
    button->setToolTip(tip);
    return button;
}

}  // namespace

AutoencoderSettingsPanel::AutoencoderSettingsPanel(QWidget* parent)
    : QGroupBox(tr("Model and training"), parent) {
    const QString sigmoidWhy = tr(
        "Every decoder ends in a sigmoid: pixels are intensities in [0, 1], and the sigmoid maps "
        "any value into (0, 1). Binary cross-entropy treats each pixel as a probability, which "
        "needs outputs strictly between 0 and 1.");

    decoder_ = new QComboBox;
    decoder_->addItem(tr("mirror (unpooling)"), "mirror");
    decoder_->addItem(tr("upsample (recommended)"), "upsample");
    decoder_->addItem(tr("resize64 (64×64)"), "resize64");
    decoder_->setCurrentIndex(1);
    decoder_->setToolTip(
        tr("<p><b>mirror</b>: the encoder reversed, max-unpooling with the encoder's "
           "pooling indices.<br><b>upsample</b>: nearest upsampling and convolutions "
           "on 32×32 images.<br><b>resize64</b>: the same on images resized to "
           "64×64 (RMSE is measured after resizing back to 32×32).</p>"
           "<p><b>Recommended: upsample.</b> Mirror has the lowest error (RMSE 0.035 against "
           "0.12 for code 7 after 10 epochs) because unpooling copies where each maximum was "
           "from the encoder: part of the image travels beside the code. The addition model "
           "decodes codes that P computed, which have no pooling indices, so that advantage "
           "is gone. Upsample is as good as resize64 at a third of its cost (8.7 s against "
           "28 s per epoch).</p><p>%1</p>")
            .arg(sigmoidWhy));

    loss_ = new QComboBox;
    loss_->addItem(tr("L2 (squared error)"), "l2");
    loss_->addItem(tr("BCE (cross-entropy)"), "bce");
    loss_->setToolTip(
        tr("<p>L2 penalises squared pixel errors. BCE treats every pixel intensity as "
           "the probability of a white pixel; MNIST intensities lie in [0, 1], so "
           "they are valid targets.</p><p>%1</p>")
            .arg(sigmoidWhy));

    precision_ = makePrecisionBox();

    codeSize_ = spin(1, 64, 7);
    codeSize_->setToolTip(
        tr("Dimension of the code between encoder and decoder. The assignment uses "
           "2 (drawn as a scatter of validation codes) and 7."));

    epochs_ = spin(1, 100000, kAssignmentEpochs);
    epochs_->setToolTip(tr("Passes over the train split. The assignment trains for 100 epochs."));
    auto* quick = presetButton(tr("Quick (%1)").arg(kQuickAutoencoderEpochs),
                               tr("A quick look: %1 epochs").arg(kQuickAutoencoderEpochs));
    connect(quick, &QToolButton::clicked, this,
            [this] { epochs_->setValue(kQuickAutoencoderEpochs); });
    auto* full = presetButton(tr("%1").arg(kAssignmentEpochs),
                              tr("The assignment's %1 epochs").arg(kAssignmentEpochs));
    connect(full, &QToolButton::clicked, this, [this] { epochs_->setValue(kAssignmentEpochs); });
    auto* epochsRow = new QHBoxLayout;
    epochsRow->addWidget(epochs_, 1);
    epochsRow->addWidget(quick);
    epochsRow->addWidget(full);

    batchesPerEpoch_ = spin(0, 1000000, 0);
    batchesPerEpoch_->setSpecialValueText(tr("all"));
    batchesPerEpoch_->setToolTip(
        tr("Train on only this many batches per epoch (\"all\": the whole "
           "train split). For quick looks at large data sets."));
    batchSize_ = spin(1, train::kMaxBatchSize, 128);
    batchSize_->setToolTip(tr("Images per Adam step."));
    learningRate_ = new QLineEdit(QStringLiteral("0.001"));
    learningRate_->setToolTip(
        tr("Adam's learning rate (the assignment: 0.001). Scientific notation "
           "such as 3e-4 works."));
    seed_ = spin(0, std::numeric_limits<int>::max(), 42);
    const QString determinism =
        tr("Runs are deterministic: the seed initialises the weights (torch::manual_seed), every "
           "epoch's batches are shuffled with a portable seeded shuffle, and LibTorch uses a fixed "
           "number of threads. The same seed, data and thread count give the same weights, bit for "
           "bit, so architectures are compared under the same conditions.");
    seed_->setToolTip(determinism);
    threads_ = spin(1, 256, std::max(1, hardwareThreads()));
    threads_->setToolTip(
        tr("LibTorch intra-op threads. Part of what makes a run reproducible: "
           "floating-point sums depend on how work is split between threads. By default every "
           "core: the window's trainings run at a lower scheduling priority, so the window and "
           "its sliders are served first."));

    saveRuns_ = new QCheckBox(tr("Save runs"));
    saveRuns_->setChecked(true);
    saveRuns_->setToolTip(
        tr("Every run writes config.json, metrics.csv, best.pt, last.pt and a "
           "TensorBoard event file into a folder of its own under this one."));
    runFolder_ = new QLineEdit(defaultRunFolderBase());
    runFolder_->setToolTip(saveRuns_->toolTip());
    runFolder_->setCursorPosition(0);
    auto* choose = presetButton(tr("…"), tr("Choose the folder for run folders"));
    connect(choose, &QToolButton::clicked, this, &AutoencoderSettingsPanel::chooseRunFolder);
    connect(saveRuns_, &QCheckBox::toggled, runFolder_, &QWidget::setEnabled);
    connect(saveRuns_, &QCheckBox::toggled, choose, &QWidget::setEnabled);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(runFolder_, 1);
    folderRow->addWidget(choose);

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Decoder"), decoder_);
    form->addRow(tr("Loss"), loss_);
    form->addRow(tr("Code size"), codeSize_);
    form->addRow(tr("Epochs"), epochsRow);
    form->addRow(tr("Batches/epoch"), batchesPerEpoch_);
    form->addRow(tr("Batch size"), batchSize_);
    form->addRow(tr("Learning rate"), learningRate_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Threads"), threads_);
    form->addRow(tr("Precision"), precision_);
    form->addRow(saveRuns_, folderRow);
}

std::optional<train::AutoencoderTrainingOptions> AutoencoderSettingsPanel::options(
    QString& error) const {
    bool ok = false;
    const QString rateText = learningRate_->text().trimmed();
    const double rate = rateText.toDouble(&ok);
    if (!ok) {
        error =
            tr("learning rate: \"%1\" is not a number (for example 0.001 or 1e-3)").arg(rateText);
        return std::nullopt;
    }
    return train::AutoencoderTrainingOptions()
        .decoder(models::decoderKindFromString(decoder_->currentData().toString().toStdString()))
        .loss(train::reconstructionLossFromString(loss_->currentData().toString().toStdString()))
        .codeSize(codeSize_->value())
        .epochs(epochs_->value())
        .maxBatchesPerEpoch(batchesPerEpoch_->value())
        .batchSize(batchSize_->value())
        .learningRate(rate)
        .seed(static_cast<std::uint64_t>(seed_->value()))
        .threads(threads_->value())
        .precision(precisionOf(*precision_));
}

std::optional<QString> AutoencoderSettingsPanel::runFolderBase() const {
    if (!saveRuns_->isChecked() || runFolder_->text().trimmed().isEmpty()) return std::nullopt;
    return runFolder_->text().trimmed();
}

void AutoencoderSettingsPanel::setRunFolderBase(const std::optional<QString>& base) {
    saveRuns_->setChecked(base.has_value());
    if (base) {
        runFolder_->setText(*base);
        runFolder_->setCursorPosition(0);
    }
}

QString AutoencoderSettingsPanel::defaultRunFolderBase() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("learn2add/runs"));
}

void AutoencoderSettingsPanel::saveSettings(QSettings& settings) const {
    settings.setValue("decoder", comboValue(decoder_));
    settings.setValue("loss", comboValue(loss_));
    settings.setValue("codeSize", codeSize_->value());
    settings.setValue("epochs", epochs_->value());
    settings.setValue("batchesPerEpoch", batchesPerEpoch_->value());
    settings.setValue("batchSize", batchSize_->value());
    settings.setValue("learningRate", learningRate_->text().trimmed());
    settings.setValue("seed", seed_->value());
    settings.setValue("threads", threads_->value());
    settings.setValue("precision", comboValue(precision_));
    settings.setValue("saveRuns", saveRuns_->isChecked());
    settings.setValue("runFolder", runFolder_->text().trimmed());
}

void AutoencoderSettingsPanel::restoreSettings(const QSettings& settings) {
    restoreComboData(decoder_, settings.value("decoder"));
    restoreComboData(loss_, settings.value("loss"));
    restoreSpinValue(codeSize_, settings.value("codeSize"));
    restoreSpinValue(epochs_, settings.value("epochs"));
    restoreSpinValue(batchesPerEpoch_, settings.value("batchesPerEpoch"));
    restoreSpinValue(batchSize_, settings.value("batchSize"));
    restoreNumberText(learningRate_, settings.value("learningRate"), 1e-9, 10.0);
    restoreSpinValue(seed_, settings.value("seed"));
    restoreSpinValue(threads_, settings.value("threads"));
    restoreComboData(precision_, settings.value("precision"));
    restoreChecked(saveRuns_, settings.value("saveRuns"));
    if (const QString folder = settings.value("runFolder").toString().trimmed(); !folder.isEmpty()) {
        runFolder_->setText(folder);
        runFolder_->setCursorPosition(0);
    }
}

void AutoencoderSettingsPanel::chooseRunFolder() {
    const QString folder = chooseFolder(this, tr("Folder for run folders"), runFolder_->text());
    if (!folder.isEmpty()) runFolder_->setText(folder);
}

}  // namespace learn2add::ui
