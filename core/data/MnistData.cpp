#include "data/MnistData.h"

#include <chrono>

#include "data/DataError.h"
#include "data/EmbeddedMnist.h"
#include "data/StratifiedSplit.h"

namespace learn2add::data {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Finds "<stem>", "<stem>.gz" or the variant with a dot before "idx" in the folder.
std::filesystem::path findMnistFile(const std::filesystem::path& folder, const std::string& stem) {
    std::string dotted = stem;
    dotted[dotted.find("-idx")] = '.';
    for (const std::string& name : {stem, stem + ".gz", dotted, dotted + ".gz"}) {
        const auto candidate = folder / name;
        if (std::filesystem::is_regular_file(candidate)) return candidate;
    }
    throw DataError(folder.string() + ": no " + stem + " (or " + stem +
                    ".gz) in this folder; an MNIST folder needs train-images-idx3-ubyte, "
                    "train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte");
}

DigitSet readDigitFiles(const std::filesystem::path& imagesPath,
                        const std::filesystem::path& labelsPath) {
    return makeDigitSet(readIdxFile(imagesPath), readIdxFile(labelsPath),
                        imagesPath.filename().string(), labelsPath.filename().string());
}

}  // namespace

MnistData loadEmbeddedMnist(std::uint64_t seed) {
    const auto start = Clock::now();
    const std::string imagesName = "embedded-images-idx3-ubyte.gz";
    const std::string labelsName = "embedded-labels-idx1-ubyte.gz";
    const DigitSet all = makeDigitSet(parseIdx(embeddedMnistImagesGz(), imagesName),
                                      parseIdx(embeddedMnistLabelsGz(), labelsName), imagesName,
                                      labelsName);
    const SplitIndices split = stratifiedSplit(all.labels, 0.1, 0.1, seed);
    MnistData data;
    data.train = subset(all, split.train);
    data.validation = subset(all, split.validation);
    data.test = subset(all, split.test);
    data.source = "embedded MNIST subset (" + std::to_string(all.size()) + " digits)";
    data.seed = seed;
    data.loadSeconds = secondsSince(start);
    return data;
}

MnistData loadMnistFolder(const std::filesystem::path& folder, std::uint64_t seed) {
    const auto start = Clock::now();
    if (!std::filesystem::is_directory(folder)) {
        throw DataError(folder.string() + ": not a folder; choose a folder with the four MNIST files");
    }
    const DigitSet trainFile = readDigitFiles(findMnistFile(folder, kMnistFileStems[0]),
                                              findMnistFile(folder, kMnistFileStems[1]));
    DigitSet testFile = readDigitFiles(findMnistFile(folder, kMnistFileStems[2]),
                                       findMnistFile(folder, kMnistFileStems[3]));
    if (testFile.rows != trainFile.rows || testFile.cols != trainFile.cols) {
        throw DataError(folder.string() + ": train images are " + std::to_string(trainFile.rows) +
                        "x" + std::to_string(trainFile.cols) + " but t10k images are " +
                        std::to_string(testFile.rows) + "x" + std::to_string(testFile.cols));
    }
    const SplitIndices holdOut = stratifiedSplit(trainFile.labels, 0.1, 0.0, seed);
    MnistData data;
    data.train = subset(trainFile, holdOut.train);
    data.validation = subset(trainFile, holdOut.validation);
    data.test = std::move(testFile);
    data.source = folder.string();
    data.folder = folder;
    data.seed = seed;
    data.loadSeconds = secondsSince(start);
    return data;
}

MnistData loadMnist(const std::optional<std::filesystem::path>& folder, std::uint64_t seed) {
    return folder ? loadMnistFolder(*folder, seed) : loadEmbeddedMnist(seed);
}

}  // namespace learn2add::data
