#include "autoencoder/AutoencoderTrainingJob.h"

namespace learn2add::ui {

QString describeOptions(const train::AutoencoderTrainingOptions& options) {
    return QStringLiteral("%1 · %2 · code %3")
        .arg(QString::fromStdString(models::toString(options.decoder())),
             options.loss() == train::ReconstructionLoss::L2 ? QStringLiteral("L2")
                                                             : QStringLiteral("BCE"))
        .arg(options.codeSize());
}

QString runFolderName(const train::AutoencoderTrainingOptions& options, const QDateTime& start) {
    return QStringLiteral("%1-%2-%3-code%4")
        .arg(start.toString(QStringLiteral("yyyyMMdd-HHmmss")),
             QString::fromStdString(models::toString(options.decoder())),
             QString::fromLatin1(train::toString(options.loss())))
        .arg(options.codeSize());
}

}  // namespace learn2add::ui
