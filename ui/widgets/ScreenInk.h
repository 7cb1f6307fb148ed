#pragma once
// How a widget inks the report's painters (report/ReportCharts.h: FigureInk) on screen: the
// palette's text colour, no background, and the report's font sizes scaled so that the figure's
// `figurePixels` font comes out at the widget's font size (never smaller than the report's).
//
//   paintAdditionGrid(painter, rect, canvas, read, {}, screenInk(*this, 8.0));

#include <QFontInfo>
#include <QPalette>
#include <QWidget>
#include <algorithm>

#include "report/ReportCharts.h"

namespace learn2add::ui {

inline FigureInk screenInk(const QWidget& widget, double figurePixels) {
    FigureInk ink;
    ink.ink = widget.palette().color(QPalette::WindowText);
    ink.background = Qt::transparent;
    ink.fontScale = std::max(1.0, QFontInfo(widget.font()).pixelSize() / figurePixels);
    return ink;
}

}  // namespace learn2add::ui
