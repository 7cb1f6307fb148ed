#include "plots/FigureExport.h"

#include <qcustomplot.h>

#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QSvgGenerator>
#include <algorithm>
#include <vector>

#include "widgets/MessageBanner.h"

namespace learn2add::ui {
namespace {

const char* const kNameProperty = "learn2addFigureName";
const char* const kFolderKey = "figureExport/folder";
constexpr double kPngScale = 2.0;
// Print quality: no hairlines, no text under 9 pt.
constexpr double kMinimumPenWidth = 1.5;
constexpr double kMinimumAxisPenWidth = 1.0;
constexpr double kMinimumFontPoints = 9.0;

FigurePathChooser& pathChooser() {
    static FigurePathChooser chooser;
    return chooser;
}

// Sets a QCustomPlot up for print for as long as it lives, then puts every setting back: thicker
// pens, larger fonts, the hover layer ("overlay": readout, tracer) hidden.
class PrintStyle {
public:
    explicit PrintStyle(QCustomPlot& plot) : plot_(plot) {
        for (int i = 0; i < plot.plottableCount(); ++i) {
            QCPAbstractPlottable* plottable = plot.plottable(i);
            widen(plottable->pen(), kMinimumPenWidth,
                  [plottable](const QPen& pen) { plottable->setPen(pen); });
        }
        for (QCPAxisRect* rect : plot.axisRects()) {
            for (QCPAxis* axis : rect->axes()) {
                widen(axis->basePen(), kMinimumAxisPenWidth,
                      [axis](const QPen& pen) { axis->setBasePen(pen); });
                widen(axis->tickPen(), kMinimumAxisPenWidth,
                      [axis](const QPen& pen) { axis->setTickPen(pen); });
                enlarge(axis->tickLabelFont(),
                        [axis](const QFont& f) { axis->setTickLabelFont(f); });
                enlarge(axis->labelFont(), [axis](const QFont& f) { axis->setLabelFont(f); });
            }
        }
        for (QCPLayoutElement* element : plot.plotLayout()->elements(true)) {
            if (auto* text = qobject_cast<QCPTextElement*>(element)) {
                enlarge(text->font(), [text](const QFont& f) { text->setFont(f); });
            } else if (auto* legend = qobject_cast<QCPLegend*>(element)) {
                enlarge(legend->font(), [legend](const QFont& f) { legend->setFont(f); });
            }
        }
        for (int i = 0; i < plot.itemCount(); ++i) {
            if (auto* text = qobject_cast<QCPItemText*>(plot.item(i))) {
                enlarge(text->font(), [text](const QFont& f) { text->setFont(f); });
            }
        }
        if (QCPLayer* overlay = plot.layer(QStringLiteral("overlay"));
            overlay && overlay->visible()) {
            overlay->setVisible(false);
            restore_.push_back([overlay] { overlay->setVisible(true); });
        }
    }
    ~PrintStyle() {
        for (auto it = restore_.rbegin(); it != restore_.rend(); ++it) (*it)();
        plot_.replot(QCustomPlot::rpQueuedReplot);  // the on-screen layout with the screen fonts
    }
    PrintStyle(const PrintStyle&) = delete;
    PrintStyle& operator=(const PrintStyle&) = delete;

private:
    template <typename Set>
    void widen(const QPen& pen, double minimum, Set set) {
        if (pen.style() == Qt::NoPen || pen.widthF() >= minimum) return;
        QPen wide = pen;
        wide.setWidthF(minimum);
        set(wide);
        restore_.push_back([set, pen] { set(pen); });
    }
    template <typename Set>
    void enlarge(const QFont& font, Set set) {
        if (font.pointSizeF() <= 0 || font.pointSizeF() >= kMinimumFontPoints) return;
        QFont large = font;
        large.setPointSizeF(kMinimumFontPoints);
        set(large);
        restore_.push_back([set, font] { set(font); });
    }

    QCustomPlot& plot_;
    std::vector<std::function<void()>> restore_;
};

void paintPlot(QCustomPlot& plot, QCPPainter& painter, const QRectF& target, const QSize& size) {
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(target.width() / size.width(), target.height() / size.height());
    plot.toPainter(&painter, size.width(), size.height());
    painter.restore();
}

// The size a figure is exported at: its size on screen, or its size hint when it was never laid
// out (a hidden page's widget).
QSize figureSize(const QWidget& figure) {
    const QSize size = figure.size();
    if (size.width() >= 32 && size.height() >= 32) return size;
    return figure.sizeHint().expandedTo(QSize(320, 240));
}

// The part of the figure that is exported. A plot: all of it. Any other widget: the box around
// what it draws on a white page, with a small margin (a panel that centres its images in spare
// room exports the images, not the room).
QRect figureRect(QWidget& figure) {
    const QSize size = figureSize(figure);
    const QRect whole(QPoint(0, 0), size);
    if (qobject_cast<QCustomPlot*>(&figure)) return whole;
    if (figure.size() != size) figure.resize(size);
    QImage probe(size, QImage::Format_RGB32);
    probe.fill(Qt::white);
    {
        QPainter painter(&probe);
        figure.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    }
    const QRgb white = QColor(Qt::white).rgb();
    int left = size.width(), right = -1, top = size.height(), bottom = -1;
    for (int y = 0; y < size.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(probe.constScanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            if (line[x] == white) continue;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
    }
    if (right < 0) return whole;
    constexpr int kMargin = 6;
    return QRect(QPoint(left, top), QPoint(right, bottom))
        .adjusted(-kMargin, -kMargin, kMargin, kMargin)
        .intersected(whole);
}

// A plot is laid out again for the target's shape: the widget's width, the target's aspect
// ratio (fonts and pens keep their size relative to the page; nothing is stretched).
QSize plotLayoutSize(QWidget& figure, const QRectF& target) {
    const QSize size = figureSize(figure);
    if (target.width() <= 0 || target.height() <= 0) return size;
    return {size.width(), std::max(1, qRound(size.width() * target.height() / target.width()))};
}

QString slug(const QString& name) {
    QString text = name.toLower();
    text.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    while (text.startsWith('-')) text.remove(0, 1);
    while (text.endsWith('-')) text.chop(1);
    return text.isEmpty() ? QStringLiteral("figure") : text.left(60);
}

QString dialogFilter(FigureFormat format) {
    switch (format) {
        case FigureFormat::Png:
            return QObject::tr("PNG image, 2x (*.png)");
        case FigureFormat::Svg:
            return QObject::tr("SVG drawing (*.svg)");
        case FigureFormat::Pdf:
            return QObject::tr("PDF document (*.pdf)");
    }
    return {};
}

QString askWithDialog(QWidget& figure, std::optional<FigureFormat> format,
                      const QString& suggested) {
    QStringList filters;
    for (FigureFormat each : {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf}) {
        if (!format || *format == each) filters << dialogFilter(each);
    }
    QString selected = filters.front();
    QString path = QFileDialog::getSaveFileName(
        figure.window(), QObject::tr("Export “%1”").arg(figureName(figure)), suggested,
        filters.join(QStringLiteral(";;")), &selected);
    if (!path.isEmpty() && !figureFormatFor(path)) {
        for (FigureFormat each : {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf}) {
            if (selected == dialogFilter(each)) path += '.' + figureSuffix(each);
        }
    }
    return path;
}

void reportError(QWidget& figure, const QString& message) {
    auto* window = qobject_cast<QMainWindow*>(figure.window());
    MessageBanner* banner = nullptr;
    if (window && window->centralWidget()) {
        banner = window->centralWidget()->findChild<MessageBanner*>(QString(),
                                                                    Qt::FindDirectChildrenOnly);
    }
    if (banner) {
        banner->showMessage(
            QObject::tr("<b>Could not export the figure.</b> %1").arg(message.toHtmlEscaped()),
            MessageBanner::Kind::Error);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, QObject::tr("Export figure"),
                                QObject::tr("Could not export the figure. %1").arg(message),
                                QMessageBox::Ok, figure.window());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // not modal to the event loop: tests and callers go on
}

QString writeError(const QString& path, const QString& reason) {
    return QObject::tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), reason);
}

}  // namespace

std::optional<FigureFormat> figureFormatFor(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return FigureFormat::Png;
    if (suffix == QLatin1String("svg")) return FigureFormat::Svg;
    if (suffix == QLatin1String("pdf")) return FigureFormat::Pdf;
    return std::nullopt;
}

QString figureSuffix(FigureFormat format) {
    switch (format) {
        case FigureFormat::Png:
            return QStringLiteral("png");
        case FigureFormat::Svg:
            return QStringLiteral("svg");
        case FigureFormat::Pdf:
            return QStringLiteral("pdf");
    }
    return {};
}

QSize figureExportSize(QWidget& figure) {
    return figureRect(figure).size();
}

void paintFigure(QWidget& figure, QCPPainter& painter, const QRectF& target) {
    auto* plot = qobject_cast<QCustomPlot*>(&figure);
    if (!plot) {
        paintFigure(figure, static_cast<QPainter&>(painter), target);
        return;
    }
    PrintStyle style(*plot);
    painter.setMode(QCPPainter::pmNonCosmetic);
    const int device = painter.device() ? painter.device()->devType() : QInternal::Image;
    if (device != QInternal::Image && device != QInternal::Pixmap) {
        painter.setMode(QCPPainter::pmVectorized);
    }
    paintPlot(*plot, painter, target, plotLayoutSize(figure, target));
}

void paintFigure(QWidget& figure, QPainter& painter, const QRectF& target) {
    if (target.width() <= 0 || target.height() <= 0) return;
    if (auto* plot = qobject_cast<QCustomPlot*>(&figure)) {
        // A plain QPainter (a report page): record the plot's vector drawing, then replay it.
        const QSize size = plotLayoutSize(figure, target);
        QPicture picture;
        {
            QCPPainter recorder(&picture);
            paintFigure(*plot, recorder, QRectF(QPointF(0, 0), QSizeF(size)));
        }
        painter.save();
        painter.translate(target.topLeft());
        painter.scale(target.width() / size.width(), target.height() / size.height());
        // Replaying scales by the device's resolution over the picture's; undo that, the target
        // rectangle already sets the size.
        if (const QPaintDevice* device = painter.device()) {
            painter.scale(double(picture.logicalDpiX()) / device->logicalDpiX(),
                          double(picture.logicalDpiY()) / device->logicalDpiY());
        }
        painter.drawPicture(0, 0, picture);
        painter.restore();
        return;
    }
    // Any other widget: scaled to fit, its aspect ratio kept, centred in the target.
    const QRect source = figureRect(figure);
    const double scale =
        std::min(target.width() / source.width(), target.height() / source.height());
    const QSizeF drawn = QSizeF(source.size()) * scale;
    painter.save();
    painter.translate(target.center() - QPointF(drawn.width() / 2, drawn.height() / 2));
    painter.scale(scale, scale);
    figure.render(&painter, QPoint(), QRegion(source), QWidget::DrawChildren);
    painter.restore();
}

QString exportFigure(QWidget& figure, const QString& path) {
    const std::optional<FigureFormat> format = figureFormatFor(path);
    if (!format) {
        return QObject::tr("%1 has no figure format in its name: use .png, .svg or .pdf")
            .arg(QDir::toNativeSeparators(path));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return writeError(path, file.errorString());

    const QSize size = figureRect(figure).size();
    const QRectF target(QPointF(0, 0), QSizeF(size));
    const QString title = figureName(figure);
    const int dpi = std::max(figure.logicalDpiX(), 1);
    switch (*format) {
        case FigureFormat::Png: {
            QImage image(size * kPngScale, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(kPngScale);
            image.fill(Qt::white);
            {
                QCPPainter painter(&image);
                painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
                paintFigure(figure, painter, target);
            }
            QImage opaque = image.convertToFormat(QImage::Format_RGB32);
            if (!title.isEmpty()) opaque.setText(QStringLiteral("Title"), title);
            if (!opaque.save(&file, "PNG"))
                return writeError(path, QObject::tr("PNG encoding failed"));
            break;
        }
        case FigureFormat::Svg: {
            QSvgGenerator generator;
            generator.setOutputDevice(&file);
            generator.setSize(size);
            generator.setViewBox(QRect(QPoint(0, 0), size));
            generator.setResolution(dpi);
            generator.setTitle(title);
            generator.setDescription(QObject::tr("Exported by Learn2Add"));
            QCPPainter painter;
            if (!painter.begin(&generator))
                return writeError(path, QObject::tr("SVG output failed"));
            paintFigure(figure, painter, target);
            painter.end();
            break;
        }
        case FigureFormat::Pdf: {
            QPdfWriter writer(&file);
            writer.setCreator(QStringLiteral("Learn2Add"));
            writer.setTitle(title);
            writer.setResolution(dpi);
            // The page is the figure: its size on screen at the screen's resolution.
            writer.setPageSize(
                QPageSize(QSizeF(size.width() * 72.0 / dpi, size.height() * 72.0 / dpi),
                          QPageSize::Point, QString(), QPageSize::ExactMatch));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            QCPPainter painter;
            if (!painter.begin(&writer)) return writeError(path, QObject::tr("PDF output failed"));
            paintFigure(figure, painter, QRectF(0, 0, writer.width(), writer.height()));
            painter.end();
            break;
        }
    }
    if (!file.commit()) return writeError(path, file.errorString());
    return {};
}

void makeExportable(QWidget& figure, const QString& name) {
    const bool marked = isExportable(figure);
    figure.setProperty(kNameProperty, name);
    if (marked) return;
    figure.setContextMenuPolicy(Qt::ActionsContextMenu);
    const struct {
        FigureFormat format;
        QString text;
        const char* objectName;
    } entries[] = {
        {FigureFormat::Png, QObject::tr("Export as PNG (2x)…"), "exportFigurePng"},
        {FigureFormat::Svg, QObject::tr("Export as SVG…"), "exportFigureSvg"},
        {FigureFormat::Pdf, QObject::tr("Export as PDF…"), "exportFigurePdf"},
    };
    for (const auto& entry : entries) {
        auto* action = new QAction(entry.text, &figure);
        action->setObjectName(QString::fromLatin1(entry.objectName));
        const FigureFormat format = entry.format;
        QObject::connect(action, &QAction::triggered, &figure,
                         [&figure, format] { exportFigureInteractively(figure, format); });
        figure.addAction(action);
    }
}

bool isExportable(const QWidget& widget) {
    return widget.property(kNameProperty).isValid();
}

QString figureName(const QWidget& figure) {
    return figure.property(kNameProperty).toString();
}

QList<QWidget*> exportableFigures(QWidget& root) {
    QList<QWidget*> figures;
    for (QWidget* widget : root.findChildren<QWidget*>()) {
        if (isExportable(*widget) && widget->isVisibleTo(&root)) figures << widget;
    }
    return figures;
}

void setFigurePathChooser(FigurePathChooser chooser) {
    pathChooser() = std::move(chooser);
}

QString exportFigureInteractively(QWidget& figure, std::optional<FigureFormat> format) {
    QSettings settings;
    QString folder = settings.value(kFolderKey).toString();
    if (folder.isEmpty() || !QDir(folder).exists()) folder = QDir::homePath();
    const QString suggested = QDir(folder).filePath(
        slug(figureName(figure)) + '.' + figureSuffix(format.value_or(FigureFormat::Png)));
    const QString path = pathChooser() ? pathChooser()(figure, format, suggested)
                                       : askWithDialog(figure, format, suggested);
    if (path.isEmpty()) return {};
    const QString error = exportFigure(figure, path);
    if (!error.isEmpty()) {
        reportError(figure, error);
        return {};
    }
    settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
    if (auto* window = qobject_cast<QMainWindow*>(figure.window())) {
        window->statusBar()->showMessage(
            QObject::tr("Exported “%1” to %2")
                .arg(figureName(figure), QDir::toNativeSeparators(path)),
            8000);
    }
    return path;
}

}  // namespace learn2add::ui
