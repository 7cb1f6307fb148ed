#pragma once
// Putting values that QSettings kept from an earlier launch back into form fields. A stored value
// that no longer fits (a decoder name that is gone, a number out of the field's range, text that
// is not a number) is ignored silently and the field keeps its default. GUI thread only.
//
//   QSettings settings;
//   restoreComboData(decoderBox, settings.value("decoder"));   // by item data, then by text
//   restoreSpinValue(epochsBox, settings.value("epochs"));      // only within the box's range

#include <QVariant>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace learn2add::ui {

// Selects the item whose data (or, failing that, whose text) equals `stored`; true when found.
bool restoreComboData(QComboBox* box, const QVariant& stored);
// Sets an integer within the box's range; true when it was one.
bool restoreSpinValue(QSpinBox* box, const QVariant& stored);
// Sets "true" / "false"; true when it was one.
bool restoreChecked(QCheckBox* box, const QVariant& stored);
// Sets text that parses as a number in [low, high] (e.g. a learning rate); true when it did.
bool restoreNumberText(QLineEdit* edit, const QVariant& stored, double low, double high);

// What restoreComboData() reads back: the current item's data, or its text when it has none.
QVariant comboValue(const QComboBox* box);

}  // namespace learn2add::ui
