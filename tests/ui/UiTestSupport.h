#pragma once
// Helpers for the Qt tests: waiting on the event loop, the embedded data loaded once per process,
// and a settings form set up for a tiny, fast training.

#include <QEvent>
#include <QImage>
#include <QPointF>
#include <QString>
#include <functional>
#include <memory>

#include "data/LoadedData.h"

class QWidget;

namespace learn2add::ui {
class AutoencoderSettingsPanel;
}

namespace learn2add::testing {

// Processes events until `done` returns true or `timeoutMs` pass; returns done().
bool waitUntil(const std::function<bool()>& done, int timeoutMs);

// Asks `window` to close the way a window manager does (WM_DELETE_WINDOW reaches Qt as a
// spontaneous QCloseEvent on the native window), not through QWidget::close(). Returns whether the
// close was accepted; the window must be shown.
bool closeLikeAWindowManager(QWidget& window);

// The embedded MNIST subset (split with seed 42), loaded on first use and shared.
std::shared_ptr<const ui::LoadedData> embeddedData();

// A small part of it (1,000 train and 200 validation digits, evenly spaced): epochs of tiny
// trainings take a fraction of a second instead of seconds, since every epoch evaluates the
// validation split.
std::shared_ptr<const ui::LoadedData> smallData();
std::shared_ptr<const data::MnistData> smallMnist();

// Upsample decoder, L2, code 2, 2 epochs of 3 batches of 32, one thread, no run folder.
void setTinyTraining(ui::AutoencoderSettingsPanel& settings);

// Sends a mouse event to `widget` at `at` (its coordinates), as the window system would.
void sendMouse(QWidget& widget, QEvent::Type type, const QPointF& at,
               Qt::MouseButton button = Qt::NoButton);

// The mean absolute difference of two grey images of one size, in grey levels.
double meanDifference(const QImage& a, const QImage& b);

}  // namespace learn2add::testing
