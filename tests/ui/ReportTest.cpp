// The report (File > Export report…, `learn2add-cli report`): the folder, the figures, the PDF,
// the missing figures with their commands, bad runs and an unwritable output, and the dialog.
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "report/ReportCharts.h"
#include "report/ReportTables.h"
#include "report/ReportWriter.h"
#include "shell/ReportDialog.h"
#include "train/AutoencoderTrainer.h"
#include "ui/AdditionRunFixtures.h"
#include "ui/AutoencoderRunFixtures.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"

namespace learn2add::ui {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int pdfPages(const fs::path& path) {
    const std::string pdf = readAll(path);
    const std::regex page("/Type\\s*/Page[^s]");
    return static_cast<int>(std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

// The tiny runs of every kind: a judge, one run of each addition model and an autoencoder run
// (code 2, L2), copied side by side into one folder of runs.
fs::path folderOfRuns(const QTemporaryDir& scratch) {
    const auto& runs = testing::tinyComparisonRuns();
    const fs::path root = fs::path(scratch.path().toStdString()) / "runs";
    fs::create_directories(root);
    const auto copy = [&](const fs::path& from, const std::string& name) {
        fs::copy(from, root / name, fs::copy_options::recursive);
    };
    copy(runs.judge.toStdString(), "judge");
    copy(runs.addition.toStdString(), "addition");
    copy(runs.variational.toStdString(), "vae-addition");
    copy(runs.generative.toStdString(), "vae-genp-addition");
    copy(testing::tinyAutoencoderRun(), "ae-upsample-l2-code2");
    return root;
}

TEST(GridFigure, OnePainterDrawsTheCanvasAndFramesEachJudgedCellOnScreenAndInTheReport) {
    // A canvas whose cell (digit 2, addend 4) is white, the rest black; 0 + 0 read right and
    // 2 + 4 read as 8 (wrong).
    QImage canvas(320, 320, QImage::Format_Grayscale8);
    canvas.fill(0);
    for (int y = 4 * 32; y < 5 * 32; ++y) {
        for (int x = 2 * 32; x < 3 * 32; ++x) canvas.setPixel(x, y, qRgb(255, 255, 255));
    }
    GridReadings read{};
    for (auto& column : read) column.fill(-1);
    read[0][0] = 0;
    read[2][4] = 8;
    for (const bool onScreen : {false, true}) {
        FigureInk ink;
        if (onScreen) {
            ink.background = Qt::transparent;
            ink.fontScale = 1.5;
        }
        QImage figure(720, 780, QImage::Format_RGB32);
        figure.fill(Qt::white);
        const QRectF area(0, 0, 720, 780);
        {
            QPainter painter(&figure);
            paintAdditionGrid(painter, area, canvas, read, onScreen ? QString() : QStringLiteral("t"),
                              ink);
        }
        const QRectF box = additionGridCanvas(area, !onScreen, ink);
        const double cell = box.width() / 10;
        const auto at = [&](double digit, double addend) {
            return figure.pixelColor(static_cast<int>(box.left() + cell * digit),
                                     static_cast<int>(box.top() + cell * addend));
        };
        EXPECT_GT(at(2.5, 4.5).value(), 200) << "the white cell, enlarged";
        EXPECT_LT(at(5.5, 6.5).value(), 20) << "no cell below the diagonal: black";
        const QColor right = at(0.02, 0.5), wrong = at(2.02, 4.5);  // the cells' left frames
        EXPECT_GT(right.green(), right.red() + 60) << "0 + 0 read right: green";
        EXPECT_GT(wrong.red(), wrong.green() + 60) << "2 + 4 read as 8: red";
        EXPECT_LT(at(1.02, 1.5).value(), 20) << "no reading, no frame";
    }
}

TEST(Report, WritesEveryFigureTheRunsCanMakeAndListsTheOthersWithTheirCommands) {
    QTemporaryDir scratch;
    const fs::path runs = folderOfRuns(scratch);
    const fs::path out = fs::path(scratch.path().toStdString()) / "report";
    std::vector<std::string> steps;
    const ReportSummary summary =
        writeReport({{runs}, out, false}, [&](const std::string& step) { steps.push_back(step); });

    EXPECT_EQ(summary.pdf, out / "report.pdf");
    EXPECT_EQ(readAll(out / "report.pdf").substr(0, 5), "%PDF-");
    EXPECT_GE(pdfPages(out / "report.pdf"), 4);  // title page and Parts II, III, IV
    for (const char* figure : {"part2-rmse-l2", "part2-reconstructions-l2-code2", "part3-pair-samples",
                               "part3-pair-distribution", "part3-addition-loss-terms", "part3-addition-grid",
                               "part3-addition-fractional", "part4-vae-addition-grid",
                               "part4-vae-genp-addition-samples", "part4-comparison", "part4-transition"}) {
        EXPECT_TRUE(fs::exists(out / "figures" / (std::string(figure) + ".png"))) << figure;
        EXPECT_NE(readAll(out / "figures" / (std::string(figure) + ".svg")).find("<svg"), std::string::npos) << figure;
    }
    // PNGs are at twice the figure's size: the RMSE chart is 500 x 290 points.
    const QImage curves(QString::fromStdString((out / "figures" / "part2-rmse-l2.png").string()));
    EXPECT_EQ(curves.size(), QSize(1000, 580));
    // Part II: the L2 curves and code-2 reconstructions (no BCE, no code-7 run); Part III: pair
    // samples and distribution; per addition run: loss terms, grid, fractional strip (3 x 3); the
    // generative model's samples; the comparison and the transition plot.
    EXPECT_EQ(summary.figures, 2 + 2 + 9 + 1 + 2);

    // The judged grid has green or red frames: the judge read the cells.
    const QImage grid(QString::fromStdString((out / "figures" / "part3-addition-grid.png").string()));
    int framed = 0;
    for (int y = 0; y < grid.height(); y += 2) {
        for (int x = 0; x < grid.width(); x += 2) {
            const QColor c = grid.pixelColor(x, y);
            if ((c.green() > 150 && c.red() < 100) || (c.red() > 200 && c.green() < 90)) ++framed;
        }
    }
    EXPECT_GT(framed, 200);

    for (const char* run : {"judge", "addition", "vae-addition", "vae-genp-addition", "ae-upsample-l2-code2"}) {
        EXPECT_TRUE(fs::exists(out / "runs" / run / "config.json")) << run;
        EXPECT_TRUE(fs::exists(out / "runs" / run / "metrics.csv")) << run;
    }
    const std::string tables = readAll(out / "tables.md");
    EXPECT_NE(tables.find("Decoder comparison"), std::string::npos);
    EXPECT_NE(tables.find("| ae-upsample-l2-code2 | upsample | L2 | 2 |"), std::string::npos);
    EXPECT_NE(tables.find("| VAE + generative P | vae-genp-addition |"), std::string::npos);
    // Missing: the other decoders and BCE (Part II), nothing of Parts III and IV.
    EXPECT_NE(tables.find("`learn2add-cli train autoencoder --decoder mirror --loss bce --code 2"), std::string::npos);
    EXPECT_NE(tables.find("5 reconstructions with l2, code 7"), std::string::npos);
    EXPECT_EQ(tables.find("learn2add-cli train addition"), std::string::npos);
    EXPECT_EQ(tables.find("learn2add-cli train judge"), std::string::npos);
    EXPECT_EQ(summary.missing.size(), 2u + 1u + 3u + 2u);  // mirror/resize64 L2, code 7 L2, BCE x 5
    EXPECT_TRUE(summary.skipped.empty());
    EXPECT_FALSE(steps.empty());
}

TEST(ReportTables, ARunWithHeldOutCellsShowsItsSeenAndHeldOutTestAccuracyApart) {
    infer::ReportContents contents;
    infer::AdditionReport plain;
    plain.folder = "runs/addition";
    plain.testAccuracy = 0.95;
    plain.testL2 = 0.01;
    infer::AdditionReport heldOut = plain;
    heldOut.folder = "runs/held-out";
    heldOut.testAccuracy = 0.90;
    heldOut.testSeenAccuracy = 0.954;
    heldOut.testHeldOutAccuracy = 0.11;
    heldOut.heldOut = data::parseHeldOutCells("3+4,5+2");
    contents.additions = {plain, heldOut};
    const std::vector<ReportTable> tables = reportTables(contents);
    const auto accuracy = std::find_if(tables.begin(), tables.end(), [](const ReportTable& table) {
        return table.title.startsWith("Addition models");
    });
    ASSERT_NE(accuracy, tables.end());
    const int column = static_cast<int>(accuracy->header.indexOf("Test accuracy"));
    ASSERT_GE(column, 0);
    ASSERT_EQ(accuracy->rows.size(), 2u);
    EXPECT_EQ(accuracy->rows[0][column], "95.0%");
    EXPECT_EQ(accuracy->rows[1][column], "90.0% (seen 95.4%, held out 11.0%)");
}

TEST(Report, ACorruptRunIsListedAsNotUsedAndTheRestIsWritten) {
    QTemporaryDir scratch;
    const fs::path runs = folderOfRuns(scratch);
    std::ofstream(runs / "vae-addition" / "best.pt", std::ios::trunc) << "not a checkpoint";
    fs::create_directories(runs / "notes");  // a folder without config.json is not a run: not listed
    const fs::path out = fs::path(scratch.path().toStdString()) / "report";
    const ReportSummary summary = writeReport({{runs, runs / "missing-folder"}, out, false}, {});

    ASSERT_EQ(summary.skipped.size(), 2u);
    EXPECT_NE(summary.skipped[0].find("missing-folder"), std::string::npos);
    EXPECT_NE(summary.skipped[1].find("vae-addition"), std::string::npos);
    EXPECT_TRUE(fs::exists(out / "report.pdf"));
    EXPECT_TRUE(fs::exists(out / "figures" / "part4-vae-genp-addition-grid.png"));
    EXPECT_FALSE(fs::exists(out / "figures" / "part4-vae-addition-grid.png"));
    EXPECT_NE(readAll(out / "tables.md").find("learn2add-cli train vae-addition"), std::string::npos);
}

TEST(Report, ARunStoppedBeforeItsFirstEpochIsNotUsed) {
    // Its best.pt holds untrained weights: it must not become the "best L2 run" of a figure.
    QTemporaryDir scratch;
    const fs::path runs = folderOfRuns(scratch);
    train::TrainingControl control;
    train::AutoencoderTrainer(
        train::AutoencoderTrainingOptions().codeSize(2).epochs(1).batchSize(16).threads(1),
        testing::smallMnist(), runs / "ae-stopped")
        .run({.onBatch = [&](const train::BatchReport&) { control.requestCancel(); }}, control);
    const fs::path out = fs::path(scratch.path().toStdString()) / "report";
    const ReportSummary summary = writeReport({{runs}, out, false}, {});
    ASSERT_EQ(summary.skipped.size(), 1u);
    EXPECT_NE(summary.skipped[0].find("ae-stopped"), std::string::npos) << summary.skipped[0];
    EXPECT_NE(summary.skipped[0].find("before its first epoch"), std::string::npos)
        << summary.skipped[0];
    EXPECT_TRUE(fs::exists(out / "report.pdf"));
}

TEST(Report, AnUnwritableOutputGivesAMessageNamingIt) {
    QTemporaryDir scratch;
    const fs::path blocked = fs::path(scratch.path().toStdString()) / "a-file";
    std::ofstream(blocked) << "x";
    try {
        writeReport({{fs::path(testing::tinyComparisonRuns().judge.toStdString())}, blocked, false}, {});
        FAIL() << "writing into a file should fail";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("a-file"), std::string::npos) << error.what();
    }
    EXPECT_THROW(writeReport({{}, fs::path(scratch.path().toStdString()) / "out", false}, {}), std::runtime_error);
}

TEST(ReportDialog, ExportsOnAWorkerThreadAndReportsTheResult) {
    QTemporaryDir scratch;
    const fs::path runs = folderOfRuns(scratch);
    ReportDialog dialog({QString::fromStdString(runs.string())});
    const QString out = scratch.filePath("dialog-report");
    dialog.setOutputFolder(out);
    QSignalSpy finished(&dialog, &ReportDialog::exportFinished);
    ASSERT_TRUE(dialog.startExport());
    EXPECT_TRUE(dialog.isExporting());   // the GUI thread is free while it runs
    EXPECT_FALSE(dialog.startExport());  // one export at a time
    ASSERT_TRUE(finished.wait(120000));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(1).toString().toStdString();
    EXPECT_TRUE(finished.at(0).at(1).toString().contains("report.pdf"));
    EXPECT_TRUE(QFile::exists(out + "/report.pdf"));
    EXPECT_EQ(dialog.pdfPath(), out + "/report.pdf");
    if (const char* folder = std::getenv("LEARN2ADD_SCREENSHOT_DIR")) {  // for the README
        dialog.show();
        dialog.grab().save(QString::fromLocal8Bit(folder) + "/report-dialog.png");
    }
}

TEST(ReportDialog, ClosingDuringAnExportCancelsItWithoutHanging) {
    QTemporaryDir scratch;
    const fs::path runs = folderOfRuns(scratch);
    auto dialog = std::make_unique<ReportDialog>(QStringList{QString::fromStdString(runs.string())});
    dialog->setOutputFolder(scratch.filePath("cancelled"));
    dialog->setMeasureTest(true);  // the slow path: measuring on the test split
    QSignalSpy finished(dialog.get(), &ReportDialog::exportFinished);
    dialog->show();
    ASSERT_TRUE(dialog->startExport());
    dialog->close();  // as the window's close button does
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_TRUE(finished.at(0).at(1).toString().contains("cancelled"));
    EXPECT_FALSE(QFile::exists(scratch.filePath("cancelled/report.pdf")));
}

TEST(ReportDialog, NeedsARunAndAnOutputFolder) {
    ReportDialog dialog({});
    dialog.setOutputFolder("/tmp/unused");
    EXPECT_FALSE(dialog.startExport());
    dialog.setRunFolders({"/tmp"});
    dialog.setOutputFolder("");
    EXPECT_FALSE(dialog.startExport());
    EXPECT_FALSE(dialog.isExporting());
}

}  // namespace
}  // namespace learn2add::ui

