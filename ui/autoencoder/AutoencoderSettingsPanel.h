#pragma once
// The form that describes an autoencoder training run (ASSIGNMENT.md Part II): decoder, loss, code
// size, epochs (with the "Quick" and "Assignment" presets), batches per epoch, batch size, Adam's
// learning rate, seed, LibTorch threads, and where run folders go. Tooltips explain the choices
// (why the decoder ends in a sigmoid, how runs are made deterministic). GUI thread only.
//
//   QString error;
//   if (auto options = panel->options(error)) { ... } else banner->showMessage(error, ...);

#include <QGroupBox>
#include <optional>

#include "train/AutoencoderTrainingOptions.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace learn2add::ui {

class AutoencoderSettingsPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit AutoencoderSettingsPanel(QWidget* parent = nullptr);

    // The options the form describes, not yet validated (AutoencoderTrainingRunner validates them); nothing,
    // with `error` saying why, when a field cannot be read (a learning rate that is not a number).
    std::optional<train::AutoencoderTrainingOptions> options(QString& error) const;

    // The folder under which every run gets a folder of its own; nothing when saving is off.
    std::optional<QString> runFolderBase() const;
    void setRunFolderBase(const std::optional<QString>& base);
    // ~/.local/share/learn2add/runs (QStandardPaths' generic data location).
    static QString defaultRunFolderBase();

    // Every field, in the settings' current group, to be restored at the next launch. Stored
    // values that no longer fit (an unknown decoder, a number out of range) leave the default.
    void saveSettings(QSettings& settings) const;
    void restoreSettings(const QSettings& settings);

    QComboBox* decoderBox() const { return decoder_; }
    QComboBox* lossBox() const { return loss_; }
    QComboBox* precisionBox() const { return precision_; }
    QSpinBox* codeSizeBox() const { return codeSize_; }
    QSpinBox* epochsBox() const { return epochs_; }
    QSpinBox* batchesPerEpochBox() const { return batchesPerEpoch_; }
    QSpinBox* batchSizeBox() const { return batchSize_; }
    QLineEdit* learningRateEdit() const { return learningRate_; }
    QSpinBox* seedBox() const { return seed_; }
    QSpinBox* threadsBox() const { return threads_; }

private:
    void chooseRunFolder();

    QComboBox* decoder_ = nullptr;
    QComboBox* loss_ = nullptr;
    QComboBox* precision_ = nullptr;
    QSpinBox* codeSize_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QSpinBox* batchesPerEpoch_ = nullptr;
    QSpinBox* batchSize_ = nullptr;
    QLineEdit* learningRate_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QSpinBox* threads_ = nullptr;
    QCheckBox* saveRuns_ = nullptr;
    QLineEdit* runFolder_ = nullptr;
};

}  // namespace learn2add::ui
