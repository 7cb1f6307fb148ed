#include "ui/UiTestSupport.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QMouseEvent>
#include <cmath>
#include <cstdlib>
#include <QComboBox>
#include <QGuiApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <QWidget>
#include <QWindow>
#include <algorithm>

#include "autoencoder/AutoencoderSettingsPanel.h"

namespace learn2add::testing {

bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) QTest::qWait(10);
    return done();
}

bool closeLikeAWindowManager(QWidget& window) {
    QWindow* native = window.windowHandle();
    if (!native) return false;
    // A platform close request reaches the QWindow as this event (QGuiApplication sends it, marked
    // spontaneous); QWidgetWindow turns it into the widget's close, closeEvent() included.
    QCloseEvent close;
    QGuiApplication::sendEvent(native, &close);
    return close.isAccepted();
}

std::shared_ptr<const ui::LoadedData> embeddedData() {
    static const std::shared_ptr<const ui::LoadedData> shared = [] {
        auto loaded = std::make_shared<ui::LoadedData>();
        loaded->mnist = data::loadEmbeddedMnist(42);
        loaded->seed = 42;
        return std::shared_ptr<const ui::LoadedData>(std::move(loaded));
    }();
    return shared;
}

std::shared_ptr<const ui::LoadedData> smallData() {
    static const std::shared_ptr<const ui::LoadedData> shared = [] {
        const auto full = embeddedData();
        // Evenly spaced, so that every digit is there whatever the order of the split.
        const auto spread = [](const data::DigitSet& set, std::size_t n) {
            std::vector<std::size_t> indices(std::min(n, set.size()));
            for (std::size_t i = 0; i < indices.size(); ++i)
                indices[i] = i * set.size() / indices.size();
            return data::subset(set, indices);
        };
        auto loaded = std::make_shared<ui::LoadedData>();
        loaded->mnist = full->mnist;
        loaded->mnist.train = spread(full->mnist.train, 1000);
        loaded->mnist.validation = spread(full->mnist.validation, 200);
        loaded->mnist.source = "1000 train and 200 validation digits of the embedded subset";
        loaded->seed = 42;
        return std::shared_ptr<const ui::LoadedData>(std::move(loaded));
    }();
    return shared;
}

std::shared_ptr<const data::MnistData> smallMnist() {
    const auto loaded = smallData();
    return {loaded, &loaded->mnist};
}

void setTinyTraining(ui::AutoencoderSettingsPanel& settings) {
    settings.decoderBox()->setCurrentIndex(settings.decoderBox()->findData("upsample"));
    settings.lossBox()->setCurrentIndex(settings.lossBox()->findData("l2"));
    settings.codeSizeBox()->setValue(2);
    settings.epochsBox()->setValue(2);
    settings.batchesPerEpochBox()->setValue(3);
    settings.batchSizeBox()->setValue(32);
    settings.learningRateEdit()->setText("0.001");
    settings.threadsBox()->setValue(1);
    settings.setRunFolderBase(std::nullopt);
}

void sendMouse(QWidget& widget, QEvent::Type type, const QPointF& at, Qt::MouseButton button) {
    QMouseEvent event(type, at, widget.mapToGlobal(at), button,
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::MouseButtons(button), Qt::NoModifier);
    QCoreApplication::sendEvent(&widget, &event);
}

double meanDifference(const QImage& a, const QImage& b) {
    const QImage x = a.convertToFormat(QImage::Format_Grayscale8);
    const QImage y = b.convertToFormat(QImage::Format_Grayscale8);
    double sum = 0.0;
    for (int row = 0; row < x.height(); ++row) {
        for (int column = 0; column < x.width(); ++column) {
            sum += std::abs(x.constScanLine(row)[column] - y.constScanLine(row)[column]);
        }
    }
    return sum / (x.width() * x.height());
}

}  // namespace learn2add::testing
