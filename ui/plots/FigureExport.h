#pragma once
// Figure export: any plot or image panel written as PNG (at twice its on-screen size), SVG or PDF,
// sized and styled for a printed report page. A QCustomPlot goes through its vector path (lines and
// text stay vectors in SVG and PDF, pens at least 1.5 px, fonts at least 9 pt, the hover readout
// left out); any other widget is rendered with QWidget::render, scaled to fit.
//
// A widget marked with makeExportable() gets "Export as PNG (2x)…", "Export as SVG…" and
// "Export as PDF…" in its context menu; the main window's "Export figure" toolbar button
// (FigureExportMenu) lists the marked figures of the current page. GUI thread only.
//
//   makeExportable(*plot, tr("Reconstruction error per epoch"));   // in the widget's owner
//   const QString error = exportFigure(*plot, "/tmp/curves.pdf");  // empty on success

#include <QList>
#include <QSize>
#include <QString>
#include <functional>
#include <optional>

class QCPPainter;
class QPainter;
class QRectF;
class QWidget;

namespace learn2add::ui {

enum class FigureFormat { Png, Svg, Pdf };

// The format a file name asks for (".png", ".svg", ".pdf", case-insensitive), nullopt otherwise.
std::optional<FigureFormat> figureFormatFor(const QString& path);
// "png", "svg" or "pdf".
QString figureSuffix(FigureFormat format);

// Paints the figure widget into `target` on `painter` at print quality: a QCustomPlot through its
// vector path (QCustomPlot::toPainter / QCPPainter), any other widget through QWidget::render
// scaled to fit.
// A plot is laid out again at the target's aspect ratio (as wide as on screen); any other widget
// keeps its aspect ratio and is centred in the target. figureExportSize() gives the shape that
// fills the target exactly.
// Give it a QCPPainter (QCustomPlot's QPainter) to paint a plot directly; with a plain QPainter a
// plot is recorded into a QPicture (still vectors) and replayed.
void paintFigure(QWidget& figure, QPainter& painter, const QRectF& target);
void paintFigure(QWidget& figure, QCPPainter& painter, const QRectF& target);

// The size, in the widget's pixels, that exportFigure() writes (PNG: twice that): a plot's size on
// screen; for other widgets the box around what they draw (a panel's spare room is left out).
QSize figureExportSize(QWidget& figure);

// Writes the figure to `path` in the format of its extension; PNG at 2x the widget's size
// (devicePixelRatio 2), SVG through QSvgGenerator, PDF through QPdfWriter (page = figure size).
// Returns an empty string on success, otherwise a message saying why (unknown extension,
// unwritable folder, ...).
QString exportFigure(QWidget& figure, const QString& path);

// Marks `figure` as exportable under `name` (used for default file names and the toolbar's list):
// adds "Export as PNG (2x)…", "Export as SVG…", "Export as PDF…" to its context menu. Calling it
// again only renames the figure (a page names what a widget's constructor called generically).
void makeExportable(QWidget& figure, const QString& name);
bool isExportable(const QWidget& widget);
// The name given to makeExportable(); empty for other widgets.
QString figureName(const QWidget& figure);
// The exportable figures that are children of `root` and visible (to `root`), in widget order.
QList<QWidget*> exportableFigures(QWidget& root);

// Where to write a figure: called with the format the user picked (nullopt: any of the three)
// and a suggested path; returns the chosen path, empty to cancel.
using FigurePathChooser = std::function<QString(QWidget& figure, std::optional<FigureFormat> format,
                                                const QString& suggestedPath)>;
// Replaces the save-file dialog (tests drive the context menu and the toolbar with it); an empty
// function brings the dialog back.
void setFigurePathChooser(FigurePathChooser chooser);

// Asks where to write the figure (the chooser above), writes it and reports the outcome: errors on
// the main window's MessageBanner (a non-modal message box when there is none), success on the
// status bar. Returns the written path, empty when cancelled or failed.
QString exportFigureInteractively(QWidget& figure, std::optional<FigureFormat> format);

}  // namespace learn2add::ui
