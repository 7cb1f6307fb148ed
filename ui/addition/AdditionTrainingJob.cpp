#include "addition/AdditionTrainingJob.h"

#include "models/DecoderKind.h"

namespace learn2add::ui {

QString describeAdditionOptions(const train::AdditionTrainingOptions& options) {
    const QString name = QStringLiteral("%1 · %2 · %3 · code %4")
                             .arg(QString::fromStdString(models::displayName(options.variant())),
                                  QString::fromStdString(models::toString(options.decoder())),
                                  QString::fromLatin1(train::toString(options.recipe())))
                             .arg(options.codeSize()) +
                         (options.usesDigitLabels() ? QStringLiteral(" · digit labels") : QString());
    if (options.heldOut().empty()) return name;
    return name + QStringLiteral(" · held out %1").arg(QString::fromStdString(options.heldOut().toString()));
}

}  // namespace learn2add::ui
