#include "widgets/PrecisionBox.h"

namespace learn2add::ui {

std::vector<std::pair<QString, QString>> precisionChoices() {
    return {{QStringLiteral("auto"),
             QComboBox::tr("auto (%1 on this CPU)")
                 .arg(QString::fromLatin1(toString(precisionFromString("auto"))))},
            {QStringLiteral("fp32"), QComboBox::tr("fp32")},
            {QStringLiteral("bf16"), QComboBox::tr("bf16")}};
}

QComboBox* makePrecisionBox() {
    auto* box = new QComboBox;
    for (const auto& [name, text] : precisionChoices()) box->addItem(text, name);
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
