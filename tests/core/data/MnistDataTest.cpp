#include "data/MnistData.h"

#include <gtest/gtest.h>

#include "core/data/IdxFixtures.h"
#include "data/DataError.h"
#include "data/Gzip.h"

namespace learn2add::data {
namespace {

using testing::TempFolder;

TEST(MnistData, EmbeddedSubsetSplits80_10_10ByClass) {
    const MnistData data = loadEmbeddedMnist(42);
    EXPECT_EQ(data.train.size() + data.validation.size() + data.test.size(), 10000u);
    EXPECT_EQ(data.train.rows, 28);
    EXPECT_EQ(data.train.cols, 28);
    const auto train = data.train.countPerClass();
    const auto validation = data.validation.countPerClass();
    const auto test = data.test.countPerClass();
    for (int d = 0; d < 10; ++d) {
        const double total = static_cast<double>(train[d] + validation[d] + test[d]);
        EXPECT_NEAR(validation[d] / total, 0.1, 0.002) << "digit " << d;
        EXPECT_NEAR(test[d] / total, 0.1, 0.002) << "digit " << d;
        EXPECT_GT(validation[d], 80u);
    }
    EXPECT_NE(data.source.find("embedded"), std::string::npos);
}

TEST(MnistData, EmbeddedSplitIsDeterministicBySeed) {
    const MnistData a = loadEmbeddedMnist(1);
    const MnistData b = loadEmbeddedMnist(1);
    const MnistData c = loadEmbeddedMnist(2);
    EXPECT_EQ(a.validation.pixels, b.validation.pixels);
    EXPECT_EQ(a.test.labels, b.test.labels);
    EXPECT_NE(a.validation.pixels, c.validation.pixels);
}

TEST(MnistData, EmbeddedImagesLookLikeDigits) {
    const MnistData data = loadEmbeddedMnist(42);
    // MNIST digits: black background, bright strokes, roughly 19% of pixels lit.
    std::size_t lit = 0;
    for (const std::uint8_t p : data.train.pixels) lit += p > 127 ? 1 : 0;
    const double share = static_cast<double>(lit) / data.train.pixels.size();
    EXPECT_GT(share, 0.08);
    EXPECT_LT(share, 0.25);
    EXPECT_EQ(data.train.image(0)[0], 0);  // top-left corner is background
}

class MnistFolderTest : public ::testing::TestWithParam<bool> {};

TEST_P(MnistFolderTest, LoadsTrainWithHoldOutAndT10kAsTest) {
    TempFolder folder;
    testing::writeMnistFolder(folder.path(), testing::balancedLabels(30), testing::balancedLabels(5),
                              GetParam());
    const MnistData data = loadMnistFolder(folder.path(), 42);
    EXPECT_EQ(data.train.size(), 270u);
    EXPECT_EQ(data.validation.size(), 30u);
    EXPECT_EQ(data.test.size(), 50u);
    for (const std::size_t c : data.validation.countPerClass()) EXPECT_EQ(c, 3u);
    EXPECT_EQ(data.source, folder.path().string());
}

INSTANTIATE_TEST_SUITE_P(RawAndGzip, MnistFolderTest, ::testing::Values(false, true));

TEST(MnistData, FolderWithoutTheFilesNamesWhatIsMissing) {
    TempFolder folder;
    try {
        loadMnistFolder(folder.path(), 1);
        FAIL() << "expected a DataError";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("train-images-idx3-ubyte"), std::string::npos) << e.what();
    }
}

TEST(MnistData, CorruptFileInFolderIsReportedWithItsName) {
    TempFolder folder;
    testing::writeMnistFolder(folder.path(), testing::balancedLabels(3), testing::balancedLabels(1), true);
    auto bytes = gzip(encodeIdx(testing::makeImages(30)));
    bytes.resize(bytes.size() - 10);
    testing::writeBytes(folder.path() / "train-images-idx3-ubyte.gz", bytes);
    try {
        loadMnistFolder(folder.path(), 1);
        FAIL() << "expected a DataError";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("train-images-idx3-ubyte.gz"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
    }
}

TEST(MnistData, NotAFolder) {
    EXPECT_THROW(loadMnistFolder("/nonexistent/learn2add", 1), DataError);
}

}  // namespace
}  // namespace learn2add::data
