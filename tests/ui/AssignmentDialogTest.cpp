// File > Run the whole assignment… (shell/AssignmentDialog.h): the plan trains on a worker thread
// with the queue shown, writes the report, and a second Start trains nothing; closing the dialog
// stops the plan and Start continues it.
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "data/MnistData.h"
#include "shell/AssignmentDialog.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"

namespace learn2add::ui {
namespace {

// 300 train, 100 validation and 100 test digits (every digit in each): 17 runs in seconds.
std::shared_ptr<const data::MnistData> tinyMnist() {
    static const auto tiny = [] {
        const auto small = testing::smallMnist();
        const auto spread = [](const data::DigitSet& set, std::size_t n) {
            std::vector<std::size_t> indices(std::min(n, set.size()));
            for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = i * set.size() / indices.size();
            return data::subset(set, indices);
        };
        auto data = std::make_shared<data::MnistData>(*small);
        data->train = spread(small->train, 300);
        data->validation = spread(small->validation, 100);
        data->test = spread(small->test, 100);
        return std::shared_ptr<const data::MnistData>(std::move(data));
    }();
    return tiny;
}

QStringList states(const AssignmentDialog& dialog) {
    QStringList list;
    const QTableWidget* table = dialog.planTable();
    for (int row = 0; row < table->rowCount(); ++row) list << (table->item(row, 3) ? table->item(row, 3)->text() : QString());
    return list;
}

TEST(AssignmentDialog, TrainsThePlanOnAWorkerWritesTheReportAndSkipsItTheSecondTime) {
    QTemporaryDir scratch;
    AssignmentDialog dialog(tinyMnist());
    dialog.setFolder(scratch.filePath("assignment"));
    dialog.setEpochs(1);
    dialog.setMaxBatchesPerEpoch(1);
    dialog.setEstimate(false);
    dialog.setMeasureTest(false);  // seconds per model on the whole test split
    QSignalSpy finished(&dialog, &AssignmentDialog::planFinished);
    ASSERT_TRUE(dialog.start());
    EXPECT_TRUE(dialog.isRunning());  // the GUI thread is free while it runs
    EXPECT_FALSE(dialog.start());     // one plan at a time
    ASSERT_TRUE(finished.wait(100000)) << dialog.statusText().toStdString();
    const QString message = finished.at(0).at(1).toString();
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << message.toStdString();
    EXPECT_TRUE(message.contains("17 of 17 runs done")) << message.toStdString();
    EXPECT_TRUE(message.contains("report.pdf")) << message.toStdString();
    EXPECT_TRUE(std::filesystem::exists(scratch.filePath("assignment/report/report.pdf").toStdString()));
    ASSERT_EQ(dialog.planTable()->rowCount(), 17);
    for (const QString& state : states(dialog)) EXPECT_TRUE(state.startsWith("finished (1 epochs")) << state.toStdString();
    if (const char* folder = std::getenv("LEARN2ADD_SCREENSHOT_DIR")) {  // for the README
        dialog.show();
        dialog.grab().save(QString::fromLocal8Bit(folder) + "/assignment-dialog.png");
    }

    finished.clear();
    ASSERT_TRUE(dialog.start());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.at(0).at(0).toBool());
    for (const QString& state : states(dialog)) EXPECT_EQ(state, "done (1 done)");
}

TEST(AssignmentDialog, ClosingStopsThePlanAndLosesNothing) {
    QTemporaryDir scratch;
    auto dialog = std::make_unique<AssignmentDialog>(tinyMnist());
    dialog->setFolder(scratch.filePath("assignment"));
    dialog->setEpochs(2);
    dialog->setMaxBatchesPerEpoch(2);
    dialog->setEstimate(false);
    QSignalSpy finished(dialog.get(), &AssignmentDialog::planFinished);
    dialog->show();
    ASSERT_TRUE(dialog->start()) << dialog->statusText().toStdString();
    dialog->close();  // as the window's close button does
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_TRUE(finished.at(0).at(1).toString().contains("stopped")) << finished.at(0).at(1).toString().toStdString();
    EXPECT_FALSE(dialog->isRunning());
    EXPECT_FALSE(std::filesystem::exists(scratch.filePath("assignment/report/report.pdf").toStdString()));
}

TEST(AssignmentDialog, NeedsDataAndAFolder) {
    AssignmentDialog dialog(nullptr);
    dialog.setFolder("/tmp/unused");
    EXPECT_FALSE(dialog.start());
    EXPECT_TRUE(dialog.statusText().contains("Load the data"));
    dialog.setData(tinyMnist());
    dialog.setFolder("");
    EXPECT_FALSE(dialog.start());
    EXPECT_TRUE(dialog.statusText().contains("folder"));
}

}  // namespace
}  // namespace learn2add::ui

