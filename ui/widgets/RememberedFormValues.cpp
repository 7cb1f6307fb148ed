#include "widgets/RememberedFormValues.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace learn2add::ui {

bool restoreComboData(QComboBox* box, const QVariant& stored) {
    if (!stored.isValid()) return false;
    const QString wanted = stored.toString();
    int index = box->findData(wanted);
    if (index < 0) index = box->findText(wanted);
    if (index < 0) return false;
    box->setCurrentIndex(index);
    return true;
}

bool restoreSpinValue(QSpinBox* box, const QVariant& stored) {
    bool ok = false;
    const qlonglong value = stored.toString().trimmed().toLongLong(&ok);
    if (!ok || value < box->minimum() || value > box->maximum()) return false;
    box->setValue(static_cast<int>(value));
    return true;
}

bool restoreChecked(QCheckBox* box, const QVariant& stored) {
    const QString text = stored.toString().trimmed().toLower();
    if (text != QLatin1String("true") && text != QLatin1String("false")) return false;
    box->setChecked(text == QLatin1String("true"));
    return true;
}

bool restoreNumberText(QLineEdit* edit, const QVariant& stored, double low, double high) {
    bool ok = false;
    const QString text = stored.toString().trimmed();
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= low && value <= high)) return false;
    edit->setText(text);
    return true;
}

QVariant comboValue(const QComboBox* box) {
    const QVariant data = box->currentData();
    return data.isValid() ? data : QVariant(box->currentText());
}

}  // namespace learn2add::ui
