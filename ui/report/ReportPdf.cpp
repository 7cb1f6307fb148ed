#include "report/ReportPdf.h"
#include "report/ReportWriter.h"

#include <QDateTime>
#include <QFile>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QBuffer>
#include <QPdfWriter>
#include <algorithm>
#include <stdexcept>

#include "infer/AssignmentAnswers.h"

namespace learn2add::ui {
namespace {

const QColor kPdfInk(30, 30, 30);
const QColor kMuted(90, 90, 90);

QFont pdfFont(double pixels, bool bold = false, bool mono = false) {
    QFont font(mono ? QStringLiteral("DejaVu Sans Mono") : QStringLiteral("DejaVu Sans"));
    font.setPixelSize(static_cast<int>(pixels));
    font.setBold(bold);
    return font;
}

// A top-to-bottom flow of blocks on A4 pages (units: points, the writer is at 72 dpi).
class PageFlow {
public:
    PageFlow(QPdfWriter& writer, QPainter& painter)
        : writer_(writer), painter_(painter), width_(writer.width()), height_(writer.height()) {}

    void newPage() {
        writer_.newPage();
        y_ = 0.0;
    }

    // Starts a new page unless `height` fits below the current position.
    void reserve(double height) {
        if (y_ > 0.0 && y_ + height > height_) newPage();
    }

    void heading(const QString& text, double size) {
        painter_.setFont(pdfFont(size, true));
        const QRectF bounds = painter_.boundingRect(QRectF(0, 0, width_, 1e6), Qt::TextWordWrap, text);
        reserve(bounds.height() + size * 2.0);
        if (y_ > 0.0) y_ += size * 0.6;
        painter_.setPen(kPdfInk);
        painter_.drawText(QRectF(0, y_, width_, bounds.height()), Qt::TextWordWrap, text);
        y_ += bounds.height() + size * 0.3;
    }

    void paragraph(const QString& text, double size = 9.5, bool mono = false,
                   const QColor& colour = kPdfInk) {
        painter_.setFont(pdfFont(size, false, mono));
        const QRectF bounds = painter_.boundingRect(QRectF(0, 0, width_, 1e6), Qt::TextWordWrap, text);
        reserve(bounds.height());
        painter_.setPen(colour);
        painter_.drawText(QRectF(0, y_, width_, bounds.height()), Qt::TextWordWrap, text);
        y_ += bounds.height() + size * 0.5;
    }

    void table(const ReportTable& table) {
        constexpr double kSize = 7.5;
        const double row = kSize * 1.9;
        painter_.setFont(pdfFont(kSize, true));
        const QFontMetricsF metrics(painter_.font());
        std::vector<double> widths(static_cast<std::size_t>(table.header.size()), 0.0);
        const auto measure = [&](const QStringList& cells) {
            for (int c = 0; c < cells.size() && c < table.header.size(); ++c) {
                widths[static_cast<std::size_t>(c)] =
                    std::max(widths[static_cast<std::size_t>(c)], metrics.horizontalAdvance(cells[c]) + 8.0);
            }
        };
        measure(table.header);
        for (const QStringList& cells : table.rows) measure(cells);
        double total = 0.0;
        for (double w : widths) total += w;
        const double scale = total > width_ ? width_ / total : 1.0;
        for (double& w : widths) w *= scale;

        heading(table.title, 10.0);
        const auto drawRow = [&](const QStringList& cells, bool header) {
            reserve(row);
            painter_.setFont(pdfFont(kSize * (scale < 1.0 ? std::max(0.75, scale) : 1.0), header));
            if (header) painter_.fillRect(QRectF(0, y_, std::min(total, width_), row), QColor(235, 238, 243));
            double x = 0.0;
            painter_.setPen(kPdfInk);
            for (int c = 0; c < cells.size() && c < table.header.size(); ++c) {
                painter_.drawText(QRectF(x + 3.0, y_, widths[static_cast<std::size_t>(c)] - 4.0, row),
                                  Qt::AlignLeft | Qt::AlignVCenter, cells[c]);
                x += widths[static_cast<std::size_t>(c)];
            }
            painter_.setPen(QPen(QColor(210, 210, 210), 0.5));
            painter_.drawLine(QPointF(0, y_ + row), QPointF(std::min(total, width_), y_ + row));
            y_ += row;
        };
        drawRow(table.header, true);
        for (const QStringList& cells : table.rows) drawRow(cells, false);
        y_ += 10.0;
    }

    void figure(const ReportFigure& figure) {
        const double scale = std::min(1.0, width_ / figure.size.width());
        const QSizeF size = figure.size * scale;
        painter_.setFont(pdfFont(8.5));
        const QString caption = QStringLiteral("Figure %1 (%2). %3").arg(++figureNumber_).arg(figure.file, figure.caption);
        const QRectF captionBounds = painter_.boundingRect(QRectF(0, 0, width_, 1e6), Qt::TextWordWrap, caption);
        reserve(size.height() + captionBounds.height() + 16.0);
        const QRectF target(QPointF((width_ - size.width()) / 2.0, y_), size);
        painter_.save();
        painter_.translate(target.topLeft());
        painter_.scale(scale, scale);
        figure.paint(painter_, QRectF(QPointF(0, 0), figure.size));
        painter_.restore();
        y_ += size.height() + 4.0;
        painter_.setFont(pdfFont(8.5));
        painter_.setPen(kMuted);
        painter_.drawText(QRectF(0, y_, width_, captionBounds.height()), Qt::TextWordWrap, caption);
        y_ += captionBounds.height() + 14.0;
    }

private:
    QPdfWriter& writer_;
    QPainter& painter_;
    double width_;
    double height_;
    double y_ = 0.0;
    int figureNumber_ = 0;
};

const char* partTitle(int part) {
    switch (part) {
        case 2: return "Part II: autoencoders (three decoders, L2 and BCE, codes 2 and 7)";
        case 3: return "Part III: adding a number to the image of a digit (AE + P)";
        default: return "Part IV: generative models (VAE + P, VAE + generative P) and the comparison";
    }
}

void titlePage(PageFlow& flow, const infer::ReportContents& contents) {
    flow.heading(QStringLiteral("Learn2Add report"), 20.0);
    flow.paragraph(QStringLiteral("Written %1 from %2 autoencoder run(s) and %3 addition run(s). Data: %4.")
                       .arg(QDateTime::currentDateTime().toString(Qt::ISODate))
                       .arg(contents.autoencoders.size())
                       .arg(contents.additions.size())
                       .arg(QString::fromStdString(contents.dataSource)));
    if (contents.judge) {
        const double accuracy = contents.judge->testAccuracy;
        flow.paragraph(QStringLiteral("Judge (the digit classifier that reads generated images): %1, test accuracy "
                                      "%2, %3 epochs.")
                           .arg(runName(contents.judge->folder))
                           .arg(accuracy < 0 ? QStringLiteral("not recorded")
                                             : QStringLiteral("%1%").arg(100.0 * accuracy, 0, 'f', 1))
                           .arg(contents.judge->epochs));
    }
    if (!contents.missing.empty()) {
        flow.heading(QStringLiteral("Missing figures"), 12.0);
        flow.paragraph(QStringLiteral("These figures need runs that were not given. Each command trains the run "
                                      "they need; pass its folder to the report again."));
        for (const auto& missing : contents.missing) {
            flow.paragraph(QStringLiteral("• %1").arg(QString::fromStdString(missing.figure)), 9.0);
            flow.paragraph(QString::fromStdString(missing.command), 7.5, true, kMuted);
        }
    }
    if (!contents.skipped.empty()) {
        flow.heading(QStringLiteral("Folders not used"), 12.0);
        for (const auto& skipped : contents.skipped) flow.paragraph(QString::fromStdString(skipped), 8.0, false, kMuted);
    }
}

}  // namespace

void writeReportPdf(const std::filesystem::path& path, const infer::ReportContents& contents,
                    const std::vector<ReportFigure>& figures, const std::vector<ReportTable>& tables) {
    // Painted in memory, then written whole by the checked atomic writer (common/AtomicFile.h).
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(42, 42, 42, 42), QPageLayout::Point);
        writer.setTitle(QStringLiteral("Learn2Add report"));
        writer.setCreator(QStringLiteral("Learn2Add"));
        QPainter painter;
        if (!painter.begin(&writer)) throw std::runtime_error(path.string() + ": cannot paint the PDF");
        PageFlow flow(writer, painter);
        titlePage(flow, contents);
        const std::vector<infer::Answer> answers = infer::assignmentAnswers(contents);
        for (int part : {2, 3, 4}) {
            flow.newPage();
            flow.heading(QString::fromLatin1(partTitle(part)), 14.0);
            for (const ReportTable& table : tables) {
                if (table.part == part) flow.table(table);
            }
            for (const infer::Answer& answer : answers) {
                if (answer.part != part) continue;
                flow.paragraph(QString::fromStdString(answer.question), 9.5);
                flow.paragraph(QString::fromStdString(answer.answer), 8.5, false, kMuted);
            }
            bool any = false;
            for (const ReportFigure& figure : figures) {
                if (figure.part != part) continue;
                flow.figure(figure);
                any = true;
            }
            if (!any) flow.paragraph(QStringLiteral("No runs for this part: see Missing figures on the first page."));
        }
        painter.end();
    }
    if (bytes.isEmpty()) throw std::runtime_error(path.string() + ": the PDF came out empty");
    writeReportFile(path, bytes);
}

}  // namespace learn2add::ui
