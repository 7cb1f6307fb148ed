#include "cli/DataCommand.h"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <system_error>

#include "cli/FigureOutput.h"
#include "cli/OptionChecks.h"
#include "cli/TextTable.h"
#include "data/AdditionPairs.h"
#include "data/DataError.h"
#include "data/MnistData.h"
#include "infer/FigurePanels.h"
#include "report/ReportFigures.h"

namespace learn2add::cli {
namespace {

using data::kDigitClasses;

std::vector<std::string> digitHeader(const std::string& first) {
    std::vector<std::string> header{first, "total"};
    for (int d = 0; d < kDigitClasses; ++d) header.push_back(std::to_string(d));
    return header;
}

std::vector<std::string> countRow(const std::string& name, const data::DigitCounts& counts) {
    std::size_t total = 0;
    for (const std::size_t c : counts) total += c;
    std::vector<std::string> row{name, std::to_string(total)};
    for (const std::size_t c : counts) row.push_back(std::to_string(c));
    return row;
}

void printSplits(const data::MnistData& mnist) {
    std::cout << "Digits per split and class\n";
    TextTable table(digitHeader("split"));
    table.addRow(countRow("train", mnist.train.countPerClass()));
    table.addRow(countRow("validation", mnist.validation.countPerClass()));
    table.addRow(countRow("test", mnist.test.countPerClass()));
    table.print(std::cout);
}

void printPairs(const std::string& splitName, const data::AdditionPairSet& pairs) {
    std::cout << "\nAddition pairs from " << splitName << ": " << pairs.size()
              << " (input digit i, addend a, output digit i + a <= 9)\n";
    std::vector<std::string> header{"result", "pairs"};
    for (int a = 0; a < kDigitClasses; ++a) header.push_back("+" + std::to_string(a));
    TextTable table(header);
    const data::DigitCounts perResult = pairs.countPerResult();
    for (int n = 0; n < kDigitClasses; ++n) {
        std::vector<std::string> row{std::to_string(n), std::to_string(perResult[n])};
        for (int a = 0; a < kDigitClasses; ++a) {
            row.push_back(a <= n ? std::to_string(pairs.countByResultAndAddend[n][a]) : "");
        }
        table.addRow(row);
    }
    std::vector<std::string> perAddendRow{"per addend", std::to_string(pairs.size())};
    for (const std::size_t c : pairs.countPerAddend()) perAddendRow.push_back(std::to_string(c));
    table.addRow(perAddendRow);
    table.print(std::cout);
    std::cout << "Balanced? No: the largest result class has " << fixedText(pairs.resultImbalance(), 1)
              << "x the pairs of the smallest (result n has n + 1 input digits), and addend a "
                 "occurs for 10 - a results.\n";
}

// Each pair as its own figure (pair-K-<d>-plus-<a>-is-<n>.png) and all of them as the report's
// training-pairs figure (addition-pairs.png), painted by the report's painters. Returns how many
// files it wrote.
int exportPairSamples(const data::DigitSet& set, const data::AdditionPairSet& pairs,
                      const std::filesystem::path& folder, std::size_t count) {
    if (pairs.pairs.empty()) throw data::DataError("there are no addition pairs to export");
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw data::DataError(folder.string() + ": cannot create the folder (" + error.message() + ")");
    constexpr std::size_t kPerRow = 10;  // pairs per band of the sheet
    const infer::PairExamples examples = infer::pairExamples(set, pairs, count, kPerRow);
    int files = 0;
    for (std::size_t k = 0; k < examples.pairs.size(); ++k) {
        const data::AdditionPair& pair = examples.pairs[k];
        const int digit = set.labels[pair.input];
        const std::string name = "pair-" + std::to_string(k) + "-" + std::to_string(digit) + "-plus-" +
                                 std::to_string(pair.addend) + "-is-" + std::to_string(set.labels[pair.output]);
        const std::size_t band = k / kPerRow, column = k % kPerRow;
        const infer::PanelRow one{"pair " + std::to_string(k + 1),
                                  {examples.rows[2 * band].panels[column], examples.rows[2 * band + 1].panels[column]}};
        writeFigure(ui::panelTableFigure(QString::fromStdString(name), {one},
                                         QStringLiteral("A training pair: input + addend = expected")),
                    folder / (name + ".png"));
        ++files;
    }
    writeFigure(ui::pairExamplesFigure(QStringLiteral("addition-pairs"), examples.rows), folder / "addition-pairs.png");
    return files + 1;
}

}  // namespace

CLI::App* addDataCommand(CLI::App& app, DataCommandOptions& options) {
    CLI::App* command = app.add_subcommand(
        "data", "Summarise the data: digits per split and class, addition pairs per result and addend");
    command->add_option("--data", options.dataFolder,
                        "MNIST-format folder (train-/t10k- images and labels, raw or .gz); the "
                        "embedded 10,000-digit subset when omitted")
        ->check(CLI::ExistingDirectory);
    command->add_option("--seed", options.seed, "Seed of the split and of the addend-0 shuffle")
        ->check(kWholeNumber)
        ->capture_default_str();
    command->add_option("--export-samples", options.samplesFolder,
                        "Write PNGs of a few addition pairs (train split) into this folder");
    command->add_option("--samples", options.sampleCount, "How many pairs --export-samples writes")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    return command;
}

int runDataCommand(const DataCommandOptions& options) {
    try {
        std::optional<std::filesystem::path> folder;
        if (options.dataFolder) folder = *options.dataFolder;
        const data::MnistData mnist = data::loadMnist(folder, options.seed);

        const auto start = std::chrono::steady_clock::now();
        const data::AdditionPairSet trainPairs = data::buildAdditionPairs(mnist.train, options.seed);
        const data::AdditionPairSet validationPairs =
            data::buildAdditionPairs(mnist.validation, options.seed);
        const double pairSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

        std::cout << "Data: " << mnist.source << ", seed " << options.seed << "\n"
                  << "Loaded and split in " << fixedText(mnist.loadSeconds * 1000.0, 1)
                  << " ms; addition pairs built in " << fixedText(pairSeconds * 1000.0, 1) << " ms\n"
                  << "Images: " << mnist.train.rows << "x" << mnist.train.cols
                  << " bytes, resized to 32x32 (64x64 for the third decoder) when models use them\n\n";
        printSplits(mnist);
        printPairs("train", trainPairs);
        printPairs("validation", validationPairs);

        if (options.samplesFolder) {
            const int files = exportPairSamples(mnist.train, trainPairs, *options.samplesFolder,
                                                static_cast<std::size_t>(options.sampleCount));
            std::cout << "\nWrote " << files << " PNG files to " << *options.samplesFolder << "\n";
        }
        return 0;
    } catch (const data::DataError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace learn2add::cli
