#include "widgets/PrecisionBox.h"

namespace learn2add::ui {

QComboBox* makePrecisionBox() {
    auto* box = new QComboBox;
    box->addItem(QComboBox::tr("auto (%1 on this CPU)")
                     .arg(QString::fromLatin1(toString(precisionFromString("auto")))),
                 QStringLiteral("auto"));
    box->addItem(QComboBox::tr("fp32"), QStringLiteral("fp32"));
    box->addItem(QComboBox::tr("bf16"), QStringLiteral("bf16"));
    box->setToolTip(QComboBox::tr(
        "<p>The number format of the training step. <b>bf16</b>: the forward pass runs in "
        "bfloat16 (LibTorch's autocast), which CPUs with AVX-512 BF16 or AMX compute natively "
        "(about 1.5x the images per second of fp32 here); the weights, Adam's state, the "
        "metrics and the checkpoints stay fp32. <b>auto</b> picks bf16 on such a CPU.</p>"
        "<p>Each run records its precision; a run continues in the precision it began with.</p>"));
    return box;
}

Precision precisionOf(const QComboBox& box) {
    return precisionFromString(box.currentData().toString().toStdString());
}

}  // namespace learn2add::ui
