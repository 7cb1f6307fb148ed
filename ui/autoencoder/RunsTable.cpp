#include "autoencoder/RunsTable.h"

#include <QHeaderView>
#include <QPainter>
#include <QPixmap>
#include <limits>

#include "models/DecoderKind.h"

namespace learn2add::ui {
namespace {

constexpr int kRunIdRole = Qt::UserRole + 1;

QIcon swatch(const QColor& colour) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(colour);
    painter.setPen(colour.darker(130));
    painter.drawRoundedRect(QRectF(0.5, 0.5, 11, 11), 2, 2);
    return QIcon(pixmap);
}

QString rmse(double value) {
    return QString::number(value, 'f', 4);
}

}  // namespace

RunsTable::RunsTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent) {
    setHorizontalHeaderLabels({tr("Run"), tr("Decoder"), tr("Loss"), tr("Code"), tr("Epochs"),
                               tr("Best\nepoch"), tr("Best val.\nRMSE"), tr("Final train\nRMSE"),
                               tr("Val.\nrise"), tr("s per\nepoch"), tr("Status")});
    horizontalHeaderItem(BestEpochColumn)
        ->setToolTip(tr("The epoch with the lowest validation loss: the weights kept in best.pt."));
    horizontalHeaderItem(BestValidationColumn)
        ->setToolTip(tr("Validation RMSE per pixel at the best epoch. The lowest of all runs is "
                        "highlighted."));
    horizontalHeaderItem(RiseColumn)
        ->setToolTip(tr("How much the latest validation RMSE is above the best one. A growing rise "
                        "while the train RMSE keeps falling is overfitting; selecting the best "
                        "epoch's weights (best.pt) avoids it."));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    connect(this, &QTableWidget::currentCellChanged, this, [this](int row) {
        const int id = runIdAt(row);
        if (id != 0) Q_EMIT runSelected(id);  // opened runs have negative ids
    });
}

void RunsTable::addRun(int runId, const AutoencoderTrainingJob& job, const QColor& colour,
                       const QString& label) {
    const int row = rowCount();
    insertRow(row);
    runs_[runId] = RunState{row, job.options.epochs(), 0.0, 0.0};
    auto* run = new QTableWidgetItem(swatch(colour),
                                     label.isEmpty() ? QStringLiteral("#%1").arg(runId) : label);
    run->setData(kRunIdRole, runId);
    run->setToolTip(job.name);
    setItem(row, RunColumn, run);
    setCell(row, DecoderColumn, QString::fromStdString(models::toString(job.options.decoder())));
    setCell(row, LossColumn,
            job.options.loss() == train::ReconstructionLoss::L2 ? tr("L2") : tr("BCE"));
    setCell(row, CodeColumn, QString::number(job.options.codeSize()));
    setCell(row, EpochsColumn, QStringLiteral("0/%1").arg(job.options.epochs()));
    for (const Column empty :
         {BestEpochColumn, BestValidationColumn, FinalTrainColumn, RiseColumn, SecondsColumn}) {
        setCell(row, empty, QStringLiteral("–"));
    }
    setCell(row, StatusColumn, tr("queued"),
            job.runFolder
                ? tr("Run folder: %1").arg(QString::fromStdString(job.runFolder->string()))
                : tr("Not saved"));
}

void RunsTable::showStarted(int runId) {
    const int row = rowOf(runId);
    if (row < 0) return;
    setCell(row, StatusColumn, tr("running"), item(row, StatusColumn)->toolTip());
}

void RunsTable::showPaused(int runId, bool paused) {
    const int row = rowOf(runId);
    if (row < 0) return;
    setCell(row, StatusColumn, paused ? tr("paused") : tr("running"),
            item(row, StatusColumn)->toolTip());
}

void RunsTable::showEpoch(int runId, const train::EpochReport& report) {
    const auto found = runs_.find(runId);
    if (found == runs_.end()) return;
    RunState& state = found->second;
    state.secondsSum += report.seconds;
    state.bestValidationRmse = report.bestValidationRmse;
    const int row = state.row;
    setCell(row, EpochsColumn, QStringLiteral("%1/%2").arg(report.epoch).arg(report.epochs));
    setCell(row, BestEpochColumn, QString::number(report.bestEpoch));
    setCell(row, BestValidationColumn, rmse(report.bestValidationRmse));
    setCell(
        row, FinalTrainColumn, rmse(report.trainRmse),
        tr("Train RMSE of the latest epoch; validation RMSE %1").arg(rmse(report.validationRmse)));
    const double rise = report.bestValidationRmse > 0
                            ? 100.0 * (report.validationRmse - report.bestValidationRmse) /
                                  report.bestValidationRmse
                            : 0.0;
    setCell(row, RiseColumn,
            rise > 0.05 ? QStringLiteral("+%1%").arg(rise, 0, 'f', 1) : QStringLiteral("0%"));
    setCell(row, SecondsColumn, QString::number(state.secondsSum / report.epoch, 'f', 2));
    highlightBest();
}

void RunsTable::showResult(int runId, const train::TrainingResult& result) {
    const auto found = runs_.find(runId);
    if (found == runs_.end()) return;
    const int row = found->second.row;
    if (result.epochsRun > 0) {
        setCell(row, BestEpochColumn, QString::number(result.bestEpoch));
        setCell(row, FinalTrainColumn, rmse(result.finalTrainRmse),
                item(row, FinalTrainColumn)->toolTip());
        setCell(row, SecondsColumn, QString::number(result.secondsPerEpoch, 'f', 2));
    }
    QString status = QString::fromLatin1(train::toString(result.status));
    if (result.status == train::TrainingResult::Status::Cancelled && result.epochsRun == 0) {
        status = tr("cancelled");
    }
    QString tip = QString::fromStdString(result.message);
    if (const QString folder = item(row, StatusColumn)->toolTip(); !folder.isEmpty()) {
        tip = tip.isEmpty() ? folder : tip + "\n" + folder;
    }
    setCell(row, StatusColumn, status, tip);
    if (result.status == train::TrainingResult::Status::Diverged) {
        item(row, StatusColumn)->setForeground(QColor(0xb0, 0x20, 0x20));
    }
}

void RunsTable::showFailure(int runId, const QString& message) {
    const int row = rowOf(runId);
    if (row < 0) return;
    setCell(row, StatusColumn, tr("failed"), message);
    item(row, StatusColumn)->setForeground(QColor(0xb0, 0x20, 0x20));
}

void RunsTable::showOpened(int runId, const QString& folder, const QString& note) {
    const int row = rowOf(runId);
    if (row < 0) return;
    const QString tip = tr("Opened from %1").arg(folder);
    setCell(row, StatusColumn, tr("opened"), note.isEmpty() ? tip : tip + "\n" + note);
    if (!note.isEmpty()) item(row, StatusColumn)->setForeground(QColor(0xb0, 0x60, 0x00));
}

int RunsTable::rowOf(int runId) const {
    const auto found = runs_.find(runId);
    return found == runs_.end() ? -1 : found->second.row;
}

int RunsTable::runIdAt(int row) const {
    const QTableWidgetItem* run = row >= 0 ? item(row, RunColumn) : nullptr;
    return run ? run->data(kRunIdRole).toInt() : 0;
}

QString RunsTable::cellText(int runId, Column column) const {
    const int row = rowOf(runId);
    const QTableWidgetItem* cell = row >= 0 ? item(row, column) : nullptr;
    return cell ? cell->text() : QString();
}

void RunsTable::setCell(int row, Column column, const QString& text, const QString& tip) {
    QTableWidgetItem* cell = item(row, column);
    if (!cell) {
        cell = new QTableWidgetItem;
        cell->setTextAlignment(column == StatusColumn ? (Qt::AlignLeft | Qt::AlignVCenter)
                                                      : Qt::AlignCenter);
        setItem(row, column, cell);
    }
    cell->setText(text);
    cell->setToolTip(tip);
}

void RunsTable::highlightBest() {
    int bestRow = -1;
    double best = std::numeric_limits<double>::infinity();
    for (const auto& [id, state] : runs_) {
        if (state.bestValidationRmse > 0 && state.bestValidationRmse < best) {
            best = state.bestValidationRmse;
            bestRow = state.row;
        }
    }
    for (const auto& [id, state] : runs_) {
        QTableWidgetItem* cell = item(state.row, BestValidationColumn);
        QFont font = cell->font();
        font.setBold(state.row == bestRow);
        cell->setFont(font);
        cell->setBackground(state.row == bestRow ? QBrush(QColor(0xd8, 0xf0, 0xd8)) : QBrush());
    }
}

}  // namespace learn2add::ui
