#include "WidgetMap.h"

#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTimer>
#include <cstdio>

#include "shell/MainWindow.h"

namespace learn2add::app {
namespace {

void printRect(const char* kind, const QString& name, const QRect& rect) {
    std::printf("%s %s %d %d %d %d\n", kind, qPrintable(name), rect.x(), rect.y(), rect.width(),
                rect.height());
}

}  // namespace

WidgetMap::WidgetMap(ui::MainWindow& window, int delayMs) : QObject(&window), window_(window) {
    connect(&window, &ui::MainWindow::dataChanged, this,
            [this, delayMs] { QTimer::singleShot(delayMs, this, &WidgetMap::print); },
            Qt::SingleShotConnection);
}

void WidgetMap::print() {
    for (QWidget* widget : window_.findChildren<QWidget*>()) {
        const QString name = widget->objectName();
        if (!name.startsWith(QStringLiteral("probe-")) || !widget->isVisible()) continue;
        printRect("widget", name, QRect(widget->mapToGlobal(QPoint(0, 0)), widget->size()));
        if (auto* slider = qobject_cast<QSlider*>(widget)) {
            QStyleOptionSlider option;
            option.initFrom(slider);
            option.orientation = slider->orientation();
            option.minimum = slider->minimum();
            option.maximum = slider->maximum();
            option.sliderPosition = slider->sliderPosition();
            option.sliderValue = slider->value();
            option.upsideDown = slider->invertedAppearance();
            option.tickPosition = slider->tickPosition();
            option.tickInterval = slider->tickInterval();
            option.subControls = QStyle::SC_SliderHandle;
            const QRect handle =
                slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider);
            printRect("handle", name, QRect(slider->mapToGlobal(handle.topLeft()), handle.size()));
        }
    }
    std::printf("widgets done\n");
    std::fflush(stdout);
}

}  // namespace learn2add::app
