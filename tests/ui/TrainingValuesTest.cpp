#include <gtest/gtest.h>

#include "training/ImageStripImages.h"
#include "autoencoder/AutoencoderTrainingJob.h"
#include "training/TrainingProgressView.h"
#include "ui/QtTestMain.h"

namespace learn2add::ui {
namespace {

TEST(AutoencoderTrainingJob, NamesRunsByDecoderLossAndCode) {
    const auto options = train::AutoencoderTrainingOptions()
                             .decoder(models::DecoderKind::Resize64)
                             .loss(train::ReconstructionLoss::Bce)
                             .codeSize(7);
    EXPECT_EQ(describeOptions(options), "resize64 · BCE · code 7");
    const QDateTime start(QDate(2025, 3, 9), QTime(14, 5, 7));
    EXPECT_EQ(runFolderName(options, start), "20250309-140507-resize64-bce-code7");
}

TEST(TrainingProgressView, FormatsDurations) {
    EXPECT_EQ(formatDuration(0.4), "0 s");
    EXPECT_EQ(formatDuration(59.4), "59 s");
    EXPECT_EQ(formatDuration(65), "1:05");
    EXPECT_EQ(formatDuration(3723), "1:02:03");
    EXPECT_EQ(formatDuration(-1), "–");
}

TEST(TrainingProgressView, SaysItIsPreparingBeforeTheFirstBatch) {
    // The addition recipes warm up before epoch 1: no "batch 0/0 · about 0 s left".
    TrainingProgressView view;
    train::BatchReport starting;
    starting.epoch = 1;
    starting.epochs = 100;
    view.showProgress(1, 1, "addition", starting);
    EXPECT_TRUE(view.text().contains("Preparing epoch 1")) << view.text().toStdString();
    EXPECT_FALSE(view.text().contains("0/0")) << view.text().toStdString();
    starting.batch = 3;
    starting.batchesPerEpoch = 20;
    view.showProgress(1, 1, "addition", starting);
    EXPECT_TRUE(view.text().contains("Epoch 1/100 · batch 3/20")) << view.text().toStdString();
}

TEST(ImageStripImages, SplitsAStripIntoOneImagePerDigit) {
    train::ImageStrip strip;
    strip.count = 2;
    strip.size = 2;
    strip.pixels = {0, 1, 2, 3, 10, 11, 12, 255};
    const auto images = stripImages(strip);
    ASSERT_EQ(images.size(), 2u);
    EXPECT_EQ(images[1].size(), QSize(2, 2));
    EXPECT_EQ(qGray(images[0].pixel(1, 1)), 3);
    EXPECT_EQ(qGray(images[1].pixel(0, 1)), 12);
    EXPECT_EQ(qGray(images[1].pixel(1, 1)), 255);
    strip.pixels.pop_back();  // inconsistent: nothing rather than reading past the end
    EXPECT_TRUE(stripImages(strip).empty());
}

}  // namespace
}  // namespace learn2add::ui
