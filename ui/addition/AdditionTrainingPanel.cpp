#include "addition/AdditionTrainingPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "addition/AdditionTrainingRunner.h"
#include "training/TrainingButtons.h"
#include "common/TorchRuntime.h"
#include "models/DecoderKind.h"
#include "plots/CurvePlot.h"
#include "plots/CurvePlotControls.h"
#include "plots/FigureExport.h"
#include "training/TrainingProgressView.h"
#include "widgets/FolderDialog.h"
#include "widgets/PrecisionBox.h"
#include "widgets/RememberedFormValues.h"
#include "widgets/ShortFolder.h"
#include "widgets/ShortcutAction.h"

namespace learn2add::ui {
namespace {

constexpr int kQuickAdditionEpochs = 5;

// A line edit with a "…" button that picks a folder.
QWidget* folderField(QLineEdit* edit, const QString& title, QWidget* owner) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QPushButton(QStringLiteral("…"));
    browse->setFixedWidth(28);
    browse->setToolTip(title);
    QObject::connect(browse, &QPushButton::clicked, owner, [edit, title, owner] {
        const QString folder = chooseFolder(owner, title, edit->text());
        if (!folder.isEmpty()) edit->setText(folder);
    });
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

QGroupBox* trainingFramed(const QString& title, QWidget* content, QWidget* above = nullptr) {
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    if (above) layout->addWidget(above);
    layout->addWidget(content, 1);
    return box;
}

}  // namespace

AdditionTrainingPanel::AdditionTrainingPanel(QWidget* parent) : QWidget(parent) {
    runner_ = new AdditionTrainingRunner(this);
    connect(runner_, &AdditionTrainingRunner::started, this, &AdditionTrainingPanel::onStarted);
    connect(runner_, &AdditionTrainingRunner::progress, this, &AdditionTrainingPanel::onProgress);
    connect(runner_, &AdditionTrainingRunner::epochFinished, this,
            [this](const AdditionEpochValues& report) { onEpoch(report); });
    connect(runner_, &AdditionTrainingRunner::stateChanged, this,
            &AdditionTrainingPanel::onStateChanged);
    connect(runner_, &AdditionTrainingRunner::runFinished, this,
            [this](const AdditionTrainingOutcome& outcome) {
                progress_->showIdle(
                    tr("%1: %2 after %3 epoch(s); best epoch %4%5")
                        .arg(runName_, outcome.status)
                        .arg(outcome.epochsRun)
                        .arg(outcome.bestEpoch)
                        .arg(outcome.bestValidationAccuracy >= 0
                                 ? tr(", addition accuracy %1%")
                                       .arg(100.0 * outcome.bestValidationAccuracy, 0, 'f', 1)
                                 : QString()));
                if (outcome.status == QLatin1String("diverged"))
                    Q_EMIT message(outcome.message, true);
            });
    connect(runner_, &AdditionTrainingRunner::runFailed, this, [this](const QString& text) {
        progress_->showIdle(tr("The training failed."));
        Q_EMIT message(tr("The addition training failed: %1").arg(text), true);
    });

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildForm());
    layout->addWidget(buildCurves(), 1);
    onStateChanged();
}

AdditionTrainingPanel::~AdditionTrainingPanel() {
    shutdown();
}

QWidget* AdditionTrainingPanel::buildForm() {
    variant_ = new QComboBox;
    for (const models::AdditionVariant variant : models::kAllAdditionVariants) {
        variant_->addItem(QString::fromStdString(models::displayName(variant)),
                          QString::fromStdString(models::toString(variant)));
    }
    variant_->setToolTip(
        tr("AE + P: Part III. VAE + P: the encoder outputs a mean and a log-variance, trained "
           "through samples with a KL term (Part IV.1-2). VAE + generative P: P also outputs a "
           "Gaussian, fitted by its negative log-likelihood (Part IV.3)."));
    decoder_ = new QComboBox;
    for (const models::DecoderKind kind : models::kAllDecoderKinds) {
        decoder_->addItem(QString::fromStdString(models::toString(kind)));
    }
    decoder_->setCurrentText(QStringLiteral("upsample"));
    decoder_->setToolTip(tr("The decoder of E and D (upsample: the recommended one of Part II)"));
    recipe_ = new QComboBox;
    recipe_->addItem(tr("guided (default)"), QStringLiteral("guided"));
    recipe_->addItem(tr("assignment (exact loss)"), QStringLiteral("assignment"));
    recipe_->setToolTip(
        tr("Guided (default): the assignment's tuples only; the codes are constants in the code "
           "term (stop-gradient), so they cannot all shrink together; two warm-ups; Adam's rate "
           "falls along a cosine. Assignment: the loss exactly as written at a constant rate; "
           "it collapses: watch the code spread fall."));
    labelAids_ = new QCheckBox(tr("Digit-label aids"));
    labelAids_->setToolTip(
        tr("Guided only. Uses the digit labels that built the pairs, which the assignment's "
           "tuples do not carry: a digit probe on the input code and the mean code of the sum's "
           "digit as the code term's target. Faster to learn (about 96% after one epoch); off, "
           "the model learns from the tuples alone."));
    connect(recipe_, &QComboBox::currentIndexChanged, this, [this] {
        labelAids_->setEnabled(recipe_->currentData().toString() == QStringLiteral("guided"));
    });
    epochs_ = new QSpinBox;
    epochs_->setRange(1, 100000);
    epochs_->setValue(100);
    auto* quick = new QPushButton(tr("Quick: %1").arg(kQuickAdditionEpochs));
    quick->setToolTip(
        tr("Set %1 epochs, to see it learn in a few minutes").arg(kQuickAdditionEpochs));
    connect(quick, &QPushButton::clicked, this,
            [this] { epochs_->setValue(kQuickAdditionEpochs); });
    auto* epochRow = new QHBoxLayout;
    epochRow->addWidget(epochs_, 1);
    epochRow->addWidget(quick);
    batches_ = new QSpinBox;
    batches_->setRange(0, 1000000);
    batches_->setSpecialValueText(tr("all"));
    batches_->setToolTip(tr("Batches of 128 pairs per epoch (all: every train pair)"));
    seed_ = new QSpinBox;
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setValue(42);
    precision_ = makePrecisionBox();
    judge_ = new QLineEdit;
    judge_->setPlaceholderText(tr("none: no accuracy, no marks"));
    init_ = new QLineEdit;
    init_->setPlaceholderText(tr("none: from scratch"));
    init_->setToolTip(
        tr("A Part II autoencoder run (same decoder and code size) to start E and D"));
    heldOut_ = new QLineEdit;
    heldOut_->setPlaceholderText(tr("none: every cell"));
    heldOut_->setToolTip(
        tr("Cells (digit+addend) or addends left out of the training pairs, e.g. 3+4, 5+2 or 8..9; "
           "the grid marks them dashed, and learn2add-cli eval measures them apart"));
    runFolder_ = new QLineEdit;
    runFolder_->setPlaceholderText(tr("none: nothing written"));
    runFolder_->setToolTip(
        tr("A folder under which the run's folder (config, metrics, best.pt) is "
           "created"));

    auto* form = new QFormLayout;
    form->addRow(tr("Model"), variant_);
    form->addRow(tr("Decoder"), decoder_);
    form->addRow(tr("Recipe"), recipe_);
    form->addRow(QString(), labelAids_);
    form->addRow(tr("Epochs"), epochRow);
    form->addRow(tr("Batches/epoch"), batches_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Precision"), precision_);
    form->addRow(tr("Hold out"), heldOut_);
    form->addRow(tr("Judge run"), folderField(judge_, tr("Choose a judge run folder"), this));
    form->addRow(tr("Start from"),
                 folderField(init_, tr("Choose an autoencoder run folder"), this));
    form->addRow(tr("Write runs in"), folderField(runFolder_, tr("Choose where runs go"), this));

    buttons_ = new TrainingButtons(runner_, TrainingButtons::WhileRunning::Wait, this,
                                   [this] { startTraining(); });
    buttons_->trainButton()->setToolTip(tr("Train the model with these settings (F5)"));
    buttons_->stopButton()->setToolTip(
        tr("Stop the training (Shift+F5); a run folder keeps best.pt and last.pt"));
    continue_ = new QPushButton(tr("Continue a run…"));
    continue_->setToolTip(
        tr("Train an addition run further, in its own folder and with its own settings, from its "
           "last.pt: up to its number of epochs, or the form's if that is larger"));
    connect(continue_, &QPushButton::clicked, this, [this] {
        const QString folder = chooseFolder(this, tr("Choose an addition run to continue"),
                                            runFolder_->text().trimmed());
        if (!folder.isEmpty()) continueRun(folder);
    });
    buttons_->addWideButton(continue_);
    progress_ = new TrainingProgressView;
    progress_->showIdle(
        tr("After each epoch the grid tab gains a step and the explorer uses the "
           "newest model."));

    diagnosis_ = new QLabel;
    diagnosis_->setWordWrap(true);
    diagnosis_->setTextFormat(Qt::RichText);
    diagnosis_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    QFont small = diagnosis_->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    diagnosis_->setFont(small);
    diagnosis_->setToolTip(
        tr("Read from the epochs: the code spread (the validation codes' standard deviation), P's "
           "code term against the generation term, what the judge reads in the grid and its "
           "accuracy. A collapse: E maps every digit to nearly one code, which makes the code term "
           "small without any adding."));
    auto* diagnosisBox = new QGroupBox(tr("Collapse diagnosis"));
    auto* diagnosisLayout = new QVBoxLayout(diagnosisBox);
    diagnosisLayout->setContentsMargins(6, 6, 6, 6);
    diagnosisLayout->addWidget(diagnosis_);
    showDiagnosis();

    auto* column = new QWidget;
    column->setFixedWidth(340);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(buttons_);
    layout->addWidget(progress_);
    layout->addWidget(diagnosisBox);
    layout->addStretch(1);
    return column;
}

QWidget* AdditionTrainingPanel::buildCurves() {
    losses_ = new CurvePlot;
    makeExportable(*losses_, tr("Loss terms per epoch"));
    losses_->setTitle(tr("solid: validation · dashed: train"));
    losses_->setValueLabel(tr("loss term (mean per pixel / code value)"));
    totalSeries_ = losses_->addSeries(tr("total (weighted)"));
    reconstructionSeries_ = losses_->addSeries(tr("reconstruction L2(D(E(x)), x)"));
    generationSeries_ = losses_->addSeries(tr("generation L2(D(P(E(x), u)), y)"));
    codeSeries_ = losses_->addSeries(tr("code L2(P(E(x), u), E(y))"));
    digitSeries_ = losses_->addSeries(tr("digit probe CE(probe(E(x)), digit)"));
    klSeries_ = losses_->addSeries(tr("KL(q(z|x) || N(0, I)) (VAE)"));
    losses_->setMinimumSize(360, 240);
    auto* controls = new CurvePlotControls(losses_);
    controls->logScaleBox()->setChecked(true);  // the terms differ by orders of magnitude

    spread_ = new CurvePlot;
    makeExportable(*spread_, tr("Code spread per epoch"));
    spread_->setTitle(tr("Collapse indicator: code spread (→ 0: collapse)"));
    spread_->setValueLabel(tr("std of codes"));
    spread_->addSeries(tr("validation (dashed: train batches)"));
    spread_->setMinimumSize(240, 180);

    accuracy_ = new CurvePlot;
    makeExportable(*accuracy_, tr("Addition accuracy per epoch"));
    accuracy_->setTitle(tr("Addition accuracy read by the judge"));
    accuracy_->setValueLabel(tr("share of validation pairs"));
    accuracy_->addSeries(tr("validation"));
    accuracy_->setMinimumSize(240, 180);

    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(trainingFramed(tr("Collapse"), spread_));
    bottom->addWidget(trainingFramed(tr("Accuracy"), accuracy_));
    auto* views = new QSplitter(Qt::Vertical);
    views->addWidget(trainingFramed(tr("Loss terms per epoch"), losses_, controls));
    views->addWidget(bottom);
    views->setStretchFactor(0, 3);
    views->setStretchFactor(1, 2);
    return views;
}

void AdditionTrainingPanel::setData(std::shared_ptr<const data::MnistData> data) {
    data_ = std::move(data);
}

void AdditionTrainingPanel::suggestJudgeRun(const QString& folder) {
    if (judge_->text().isEmpty()) judge_->setText(folder);
}

std::optional<AdditionTrainingJob> AdditionTrainingPanel::jobFromForm(QString& error) const {
    train::AdditionTrainingOptions options;
    try {
        const train::AdditionRecipe recipe =
            train::additionRecipeFromString(recipe_->currentData().toString().toStdString());
        options = train::recipeDefaults(
            models::additionVariantFromString(variant_->currentData().toString().toStdString()),
            recipe);
        if (recipe == train::AdditionRecipe::Guided && labelAids_->isChecked()) {
            options = train::withDigitLabelAids(options);
        }
        options.decoder(models::decoderKindFromString(decoder_->currentText().toStdString()));
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
        return std::nullopt;
    }
    options.epochs(epochs_->value());
    options.maxBatchesPerEpoch(batches_->value());
    options.seed(static_cast<std::uint64_t>(seed_->value()));
    options.threads(std::max(1, hardwareThreads()));  // at a lower priority (training/TrainingRunner.h)
    options.precision(precisionOf(*precision_));
    if (!judge_->text().trimmed().isEmpty())
        options.judgeRun(judge_->text().trimmed().toStdString());
    if (!init_->text().trimmed().isEmpty()) options.initRun(init_->text().trimmed().toStdString());
    try {
        options.heldOut(data::parseHoldOutList(heldOut_->text().toStdString()));
    } catch (const std::exception& e) {
        error = tr("hold out: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    AdditionTrainingJob job{describeAdditionOptions(options), options, std::nullopt};
    if (!runFolder_->text().trimmed().isEmpty()) {
        const QString stem =
            QDir(runFolder_->text().trimmed())
                .filePath(QStringLiteral("%1-%2-%3-%4")
                              .arg(QDateTime::currentDateTime().toString(
                                       QStringLiteral("yyyyMMdd-HHmmss")),
                                   variant_->currentData().toString(), decoder_->currentText(),
                                   recipe_->currentData().toString()));
        // A new folder for every run: a folder that holds a run is refused (track/RunFolder.h).
        QString folder = stem;
        for (int k = 2; QFileInfo::exists(folder); ++k) folder = QStringLiteral("%1-%2").arg(stem).arg(k);
        job.runFolder = std::filesystem::path(folder.toStdString());
    }
    return job;
}

void AdditionTrainingPanel::startTraining() {
    QString error;
    std::optional<AdditionTrainingJob> job = jobFromForm(error);
    if (job) {
        if (const auto refused = runner_->start(std::move(*job), data_)) error = *refused;
    }
    if (!error.isEmpty()) Q_EMIT message(tr("Cannot train: %1").arg(error), true);
}

void AdditionTrainingPanel::continueRun(const QString& folder) {
    QString error;
    try {
        const nlohmann::json config = track::RunFolder::open(folder.toStdString()).readConfig();
        AdditionTrainingJob job;
        job.options = train::additionOptionsFromConfig(config);
        job.options.epochs(std::max(job.options.epochs(), epochs_->value()));
        job.name = tr("%1 (continued)").arg(describeAdditionOptions(job.options));
        job.runFolder = std::filesystem::path(folder.toStdString());
        job.use = track::RunFolderUse::Resume;
        if (const auto refused = runner_->start(std::move(job), data_)) error = *refused;
    } catch (const std::exception& e) {
        error = QString::fromStdString(e.what());
    }
    if (!error.isEmpty()) Q_EMIT message(tr("Cannot continue %1: %2").arg(folder, error), true);
}

void AdditionTrainingPanel::pauseOrResume() {
    runner_->pauseOrResume();
}

void AdditionTrainingPanel::stopTraining() {
    runner_->stop();
}

void AdditionTrainingPanel::shutdown() {
    runner_->shutdown();
}

void AdditionTrainingPanel::saveSettings(QSettings& settings) const {
    settings.setValue("model", comboValue(variant_));
    settings.setValue("decoder", comboValue(decoder_));
    settings.setValue("recipe", comboValue(recipe_));
    settings.setValue("digitLabelAids", labelAids_->isChecked());
    settings.setValue("precision", comboValue(precision_));
    settings.setValue("epochs", epochs_->value());
    settings.setValue("batchesPerEpoch", batches_->value());
    settings.setValue("seed", seed_->value());
    settings.setValue("judgeRun", judge_->text().trimmed());
    settings.setValue("startFrom", init_->text().trimmed());
    settings.setValue("runFolder", runFolder_->text().trimmed());
}

void AdditionTrainingPanel::restoreSettings(const QSettings& settings) {
    restoreComboData(variant_, settings.value("model"));
    restoreComboData(decoder_, settings.value("decoder"));
    restoreComboData(recipe_, settings.value("recipe"));
    restoreChecked(labelAids_, settings.value("digitLabelAids"));
    restoreComboData(precision_, settings.value("precision"));
    restoreSpinValue(epochs_, settings.value("epochs"));
    restoreSpinValue(batches_, settings.value("batchesPerEpoch"));
    restoreSpinValue(seed_, settings.value("seed"));
    for (const auto& [edit, key] : {std::pair{judge_, "judgeRun"}, std::pair{init_, "startFrom"}}) {
        const QString folder = settings.value(key).toString().trimmed();
        if (!folder.isEmpty() && QFileInfo(folder).isDir()) edit->setText(folder);
    }
    runFolder_->setText(settings.value("runFolder").toString().trimmed());
}

void AdditionTrainingPanel::showDiagnosis() {
    const infer::CollapseDiagnosis diagnosis = infer::diagnoseCollapse(collapseSignals_);
    QString text = QStringLiteral("<b>%1</b>").arg(QString::fromStdString(diagnosis.headline).toHtmlEscaped());
    for (const std::string& sentence : diagnosis.evidence) {
        text += QStringLiteral("<br>· ") + QString::fromStdString(sentence).toHtmlEscaped();
    }
    diagnosis_->setText(text);
}

void AdditionTrainingPanel::clearCurves() {
    collapseSignals_.clear();
    showDiagnosis();
    for (CurvePlot* plot : {losses_, spread_, accuracy_}) {
        // A new run replaces the curves of the previous one (series keep their names).
        const int count = plot->seriesCount();
        QStringList names;
        for (int k = 0; k < count; ++k) names << plot->validationGraph(k)->name();
        plot->clearSeries();
        for (const QString& name : names) plot->addSeries(name);
        plot->resetView();
    }
}

bool AdditionTrainingPanel::showRunHistory(const OpenedRunInfo& run) {
    const std::vector<std::map<std::string, double>>& rows = run.metrics;
    if (runner_->isRunning() || rows.empty()) return false;
    const auto value = [](const std::map<std::string, double>& row, const char* column,
                          double otherwise = 0.0) {
        const auto found = row.find(column);
        return found != row.end() ? found->second : otherwise;
    };
    clearCurves();
    for (const auto& row : rows) {
        AdditionEpochValues epoch;
        epoch.epoch = static_cast<int>(value(row, "epoch"));
        epoch.epochs = static_cast<int>(rows.size());
        for (const auto& [values, prefix] : {std::pair{&epoch.train, std::string("train_")},
                                             std::pair{&epoch.validation, std::string("validation_")}}) {
            values->total = value(row, (prefix + "loss").c_str());
            values->reconstruction = value(row, (prefix + "reconstruction").c_str());
            values->generation = value(row, (prefix + "generation").c_str());
            values->code = value(row, (prefix + "code").c_str());
            values->digit = value(row, (prefix + "digit").c_str());
            values->kl = value(row, (prefix + "kl").c_str());
        }
        // metrics.csv keeps the validation split's spread only.
        epoch.trainCodeSpread = std::numeric_limits<double>::quiet_NaN();
        epoch.validationCodeSpread = value(row, "code_spread");
        epoch.validationAccuracy = value(row, "validation_accuracy", -1.0);
        epoch.bestEpoch = static_cast<int>(value(row, "best_epoch"));
        epoch.improved = epoch.bestEpoch == epoch.epoch;
        onEpoch(epoch);
    }
    progress_->showIdle(tr("%1: %n epoch(s) trained (from its metrics.csv).", "",
                           static_cast<int>(rows.size()))
                            .arg(shortFolder(run.folder)));
    return true;
}

void AdditionTrainingPanel::onStarted(const AdditionTrainingJob& job) {
    runName_ = job.name;
    clearCurves();
    AdditionBatchValues starting;
    starting.epoch = 1;
    starting.epochs = job.options.epochs();
    onProgress(starting);
}

void AdditionTrainingPanel::onProgress(const AdditionBatchValues& report) {
    train::BatchReport batch;
    batch.epoch = report.epoch;
    batch.epochs = report.epochs;
    batch.batch = report.batch;
    batch.batchesPerEpoch = report.batchesPerEpoch;
    batch.elapsedSeconds = report.elapsedSeconds;
    batch.etaSeconds = report.etaSeconds;
    progress_->showProgress(1, 1, runName_, batch);
    progress_->showPaused(runner_->isPaused());
}

void AdditionTrainingPanel::onEpoch(const AdditionEpochValues& report) {
    const auto add = [&](int series, double train, double validation) {
        losses_->addPoint(series, report.epoch, train, validation);
    };
    add(totalSeries_, report.train.total, report.validation.total);
    add(reconstructionSeries_, report.train.reconstruction, report.validation.reconstruction);
    add(generationSeries_, report.train.generation, report.validation.generation);
    add(codeSeries_, report.train.code, report.validation.code);
    add(digitSeries_, report.train.digit, report.validation.digit);
    if (report.train.kl > 0.0) add(klSeries_, report.train.kl, report.validation.kl);
    if (report.bestEpoch > 0 && report.improved) {
        losses_->setBest(generationSeries_, report.epoch, report.validation.generation);
    }
    spread_->addPoint(0, report.epoch, report.trainCodeSpread, report.validationCodeSpread);
    infer::CollapseSignals epochSignals;
    epochSignals.epoch = report.epoch;
    epochSignals.codeSpread = report.validationCodeSpread;
    epochSignals.codeTerm = report.validation.code;
    epochSignals.generationTerm = report.validation.generation;
    epochSignals.accuracy = report.validationAccuracy;
    if (report.grid.judged) {
        for (int digit = 0; digit < kGridDigits; ++digit) {
            for (int addend = 0; addend < kGridDigits; ++addend) {
                const int read = report.grid.read[static_cast<std::size_t>(digit)][static_cast<std::size_t>(addend)];
                if (GridPicture::hasCell(digit, addend) && read >= 0 && read < kGridDigits) {
                    ++epochSignals.gridReadings[static_cast<std::size_t>(read)];
                }
            }
        }
    }
    collapseSignals_.push_back(epochSignals);
    showDiagnosis();
    if (report.validationAccuracy >= 0) {
        accuracy_->addPoint(0, report.epoch, std::numeric_limits<double>::quiet_NaN(),
                            report.validationAccuracy);
    }
}

void AdditionTrainingPanel::onStateChanged() {
    progress_->showPaused(runner_->isPaused());
}

}  // namespace learn2add::ui
