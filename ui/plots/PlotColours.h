#pragma once
// The colours plots share: one per run (curves of the same run have the same colour in every plot)
// and one per digit (code scatters, confusion plots). Both are the Tableau-10 palette, which stays
// distinguishable for the common colour-vision deficiencies. Pure functions.

#include <QColor>

namespace learn2add::ui {

// Colour of the `index`-th run; cycles after 10 runs.
QColor runColour(int index);
// Colour of digit 0..9 (other values wrap around).
QColor digitColour(int digit);

}  // namespace learn2add::ui
