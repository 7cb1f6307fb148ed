#pragma once
// --print-widgets: where the widgets that a latency harness drives from outside the process
// (bench/xtest-latency.py: XTest mouse events, the screen polled for changed pixels) are on the
// screen. Once the data is shown and the models had time to answer, every visible widget whose
// objectName starts with "probe-" is printed on one line, "widget NAME X Y WIDTH HEIGHT" in screen
// pixels, a slider also with its handle ("handle NAME X Y WIDTH HEIGHT"), then "widgets done".
//
//   new WidgetMap(window, 3000);   // before app.exec(); prints 3 s after the data is shown
//
// The pages name their widgets (e.g. "probe-explorer-slider", "probe-explorer-output").

#include <QObject>

class QWidget;

namespace learn2add::ui {
class MainWindow;
}

namespace learn2add::app {

class WidgetMap : public QObject {
public:
    WidgetMap(ui::MainWindow& window, int delayMs);

private:
    void print();

    ui::MainWindow& window_;
};

}  // namespace learn2add::app
