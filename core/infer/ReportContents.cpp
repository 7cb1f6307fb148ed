#include "infer/ReportContents.h"

#include <torch/torch.h>

#include <algorithm>
#include <memory>

#include "data/DigitTensors.h"
#include "infer/AdditionRun.h"
#include "infer/ReconstructionFigure.h"
#include "track/RunFolder.h"
#include "train/AdditionTrainer.h"

namespace learn2add::infer {
namespace {

constexpr int kSamples = 8;
constexpr std::uint64_t kSampleSeed = 7;
constexpr int kShownDigit = 7;
constexpr double kSweepEnd = 2.5;
constexpr double kSweepStep = 0.05;
constexpr int kPairExamples = 8;

// Data sets are shared by runs with the same data config (the embedded subset, one split seed).
class DataCache {
public:
    const data::MnistData& get(const nlohmann::json& config) {
        const std::string key = config.at("data").dump();
        auto found = sets_.find(key);
        if (found == sets_.end()) {
            found = sets_.emplace(key, std::make_unique<data::MnistData>(loadRunData(config))).first;
        }
        return *found->second;
    }

private:
    std::map<std::string, std::unique_ptr<data::MnistData>> sets_;
};

MetricColumns readColumns(const std::filesystem::path& folder) {
    MetricColumns columns;
    for (const auto& row : track::RunFolder::open(folder).readMetrics()) {
        for (const auto& [name, value] : row) columns[name].push_back(value);
    }
    return columns;
}

double lastOr(const MetricColumns& metrics, const std::string& column, double fallback) {
    const auto found = metrics.find(column);
    return found == metrics.end() || found->second.empty() ? fallback : found->second.back();
}

AutoencoderReport readAutoencoder(const std::filesystem::path& folder, DataCache& cache) {
    AutoencoderRun run = openAutoencoderRun(folder);  // refuses a run stopped before epoch 1
    AutoencoderReport report;
    report.folder = folder;
    report.decoder = run.config.value("decoder", "");
    report.loss = run.config.value("loss", "");
    report.codeSize = run.config.value("code_size", 0);
    report.metrics = readColumns(folder);
    // The best epoch is best.pt's (lowest validation loss, which for BCE need not be the lowest RMSE).
    report.bestEpoch = run.checkpoint.epoch;
    const auto epochs = report.metrics.find("epoch");
    const auto validation = report.metrics.find("validation_rmse");
    if (epochs != report.metrics.end() && validation != report.metrics.end()) {
        for (std::size_t i = 0; i < std::min(epochs->second.size(), validation->second.size()); ++i) {
            if (static_cast<int>(epochs->second[i]) == report.bestEpoch) report.bestValidationRmse = validation->second[i];
        }
    }
    report.finalTrainRmse = lastOr(report.metrics, "train_rmse", 0.0);
    auto [inputs, outputs] = reconstructShownDigits(run, cache.get(run.config).validation);
    report.inputs = std::move(inputs);
    report.reconstructions = std::move(outputs);
    return report;
}

int readOf(models::DigitJudge* judge, const torch::Tensor& image32) {
    if (!judge) return -1;
    return static_cast<int>((*judge)->predict(image32.reshape({1, 1, 32, 32}))[0].item<std::int64_t>());
}

std::string addendText(double addend) {
    std::string text = std::to_string(addend);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

torch::Tensor column(const std::vector<double>& values) {
    return torch::tensor(std::vector<float>(values.begin(), values.end()))
        .reshape({static_cast<std::int64_t>(values.size()), 1});
}

void addFigures(AdditionReport& report, AdditionRun& run, const data::MnistData& data,
                models::DigitJudge* judge) {
    torch::NoGradGuard noGrad;
    const int size = static_cast<int>(run.model->imageSize());
    const auto grid = train::defaultGridInputs(data);
    report.grid = computeAdditionGrid(run.model, train::gridInputImages(data, grid, size), judge);
    report.heldOut = run.heldOut;

    const std::size_t chosen[] = {data.test.indicesOf(kShownDigit).at(0)};
    const torch::Tensor input = data::imagesToTensor(data.test, chosen, size);
    report.fractional.push_back({"input", imageBytes(at32(input)), readOf(judge, at32(input))});
    const auto n = static_cast<std::int64_t>(kReportAddends.size());
    const torch::Tensor outputs = at32(run.model->add(input.expand({n, 1, size, size}), column(kReportAddends)));
    for (std::int64_t k = 0; k < n; ++k) {
        const double addend = kReportAddends[static_cast<std::size_t>(k)];
        report.fractional.push_back({std::to_string(kShownDigit) + " + " + addendText(addend),
                                     imageBytes(outputs[k]), readOf(judge, outputs[k])});
    }
    if (models::hasGenerativeAdder(run.variant)) {
        for (double addend : kReportAddends) {
            const torch::Tensor samples =
                at32(run.model->sampleAdd(input, column({addend}), kSamples, kSampleSeed)
                         .reshape({kSamples, 1, size, size}));
            PanelRow row{std::to_string(kShownDigit) + " + " + addendText(addend), {}};
            for (int k = 0; k < kSamples; ++k) {
                row.panels.push_back({"#" + std::to_string(k + 1), imageBytes(samples[k]),
                                      readOf(judge, samples[k])});
            }
            const torch::Tensor mean = samples.mean(0);
            const torch::Tensor spread = samples.std(0, /*unbiased=*/false);
            const double peak = std::max(1e-6, spread.max().item<double>());
            row.panels.push_back({"mean", imageBytes(mean), readOf(judge, mean)});
            row.panels.push_back({"std x" + addendText(std::round(1.0 / peak)),
                                  imageBytes(spread / peak), -1});
            report.samples.push_back(std::move(row));
        }
    }
    if (judge) {
        std::vector<double> sweep;
        for (double u = 0.0; u <= kSweepEnd + 1e-9; u += kSweepStep) sweep.push_back(u);
        const auto count = static_cast<std::int64_t>(sweep.size());
        const torch::Tensor images = at32(run.model->add(input.expand({count, 1, size, size}), column(sweep)));
        const torch::Tensor expected =
            ((*judge)->probabilities(images) * torch::arange(10, torch::kFloat32)).sum(1);
        report.sweepAddends = sweep;
        for (std::int64_t k = 0; k < count; ++k) report.expectedDigit.push_back(expected[k].item<double>());
    }
}

AdditionReport readAddition(const std::filesystem::path& folder, DataCache& cache,
                            models::DigitJudge* judge, bool measureTest) {
    AdditionRun run = openAdditionRun(folder);  // refuses a run stopped before epoch 1
    AdditionReport report;
    report.folder = folder;
    report.variant = run.variant;
    report.decoder = run.config.value("decoder", "");
    report.recipe = run.config.value("recipe", "");
    report.metrics = readColumns(folder);
    report.bestEpoch = run.checkpoint.epoch;
    const data::MnistData& data = cache.get(run.config);
    if (measureTest) {
        const torch::Tensor testImages = data::imagesToTensor(data.test, static_cast<int>(run.model->imageSize()));
        if (judge) {
            const AdditionAccuracy accuracy =
                measureAdditionAccuracy(run.model, *judge, testImages, data::labelsToTensor(data.test));
            report.testAccuracy = accuracy.overall;
            if (!run.heldOut.empty()) {
                const SeenAndHeldOut parts = splitByHeldOut(accuracy, run.heldOut);
                report.testSeenAccuracy = parts.seen;
                report.testHeldOutAccuracy = parts.heldOut;
            }
        }
        report.testL2 = measureGenerationL2(
            run.model, testImages, data::buildAdditionPairs(data.test, run.config.value("seed", std::uint64_t{42})));
    }
    addFigures(report, run, data, judge);
    return report;
}

// Part III.1: a few pairs (input, expected output) from across the results, and the counts.
void addPairFigures(ReportContents& contents, const data::MnistData& data) {
    const data::AdditionPairSet pairs = data::buildAdditionPairs(data.train, 42);
    contents.pairCounts = pairs.countByResultAndAddend;
    contents.pairImbalance = pairs.resultImbalance();
    contents.pairExamples = pairExamples(data.train, pairs, kPairExamples).rows;
}

bool hasAutoencoder(const ReportContents& contents, const std::string& loss,
                    const std::string& decoder, int codeSize) {
    return std::any_of(contents.autoencoders.begin(), contents.autoencoders.end(), [&](const auto& run) {
        return run.loss == loss && (decoder.empty() || run.decoder == decoder) &&
               (codeSize == 0 || run.codeSize == codeSize);
    });
}

void listMissing(ReportContents& contents) {
    for (const std::string loss : {"l2", "bce"}) {
        for (const std::string decoder : {"mirror", "upsample", "resize64"}) {
            if (hasAutoencoder(contents, loss, decoder, 0)) continue;
            contents.missing.push_back(
                {"Part II: RMSE curves, " + decoder + " decoder with " + loss,
                 "learn2add-cli train autoencoder --decoder " + decoder + " --loss " + loss +
                     " --code 2 --epochs 10 --out runs/ae-" + decoder + "-" + loss + "-code2"});
        }
        for (int code : {2, 7}) {
            if (hasAutoencoder(contents, loss, "", code)) continue;
            contents.missing.push_back(
                {"Part II: 5 reconstructions with " + loss + ", code " + std::to_string(code),
                 "learn2add-cli train autoencoder --decoder upsample --loss " + loss + " --code " +
                     std::to_string(code) + " --epochs 10 --out runs/ae-upsample-" + loss + "-code" +
                     std::to_string(code)});
        }
    }
    if (!contents.judge) {
        contents.missing.push_back({"Judge readings: addition accuracy, marked grids, transition curves",
                                    "learn2add-cli train judge --out runs/judge"});
    }
    for (const models::AdditionVariant variant : models::kAllAdditionVariants) {
        const bool present = std::any_of(contents.additions.begin(), contents.additions.end(),
                                         [&](const auto& run) { return run.variant == variant; });
        if (present) continue;
        const std::string kind = models::toString(variant);
        contents.missing.push_back(
            {(variant == models::AdditionVariant::Autoencoder ? "Part III: " : "Part IV: ") +
                 models::displayName(variant) + " curves, grid, fractional addends" +
                 (variant == models::AdditionVariant::Autoencoder ? "" : " and the comparison row"),
             "learn2add-cli train " + kind + " --decoder upsample --epochs 2 --judge runs/judge --out runs/" + kind});
    }
}

}  // namespace

std::vector<std::filesystem::path> findRunFolders(const std::vector<std::filesystem::path>& folders,
                                                  std::vector<std::string>& skipped) {
    std::vector<std::filesystem::path> runs;
    for (const auto& folder : folders) {
        std::error_code error;
        if (std::filesystem::is_regular_file(folder / "config.json", error)) {
            runs.push_back(folder);
            continue;
        }
        if (!std::filesystem::is_directory(folder, error)) {
            skipped.push_back(folder.string() + ": not a folder");
            continue;
        }
        std::vector<std::filesystem::path> children;
        for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
            if (entry.is_directory() && std::filesystem::is_regular_file(entry.path() / "config.json")) {
                children.push_back(entry.path());
            }
        }
        if (children.empty()) skipped.push_back(folder.string() + ": neither a run nor a folder of runs");
        std::sort(children.begin(), children.end());
        runs.insert(runs.end(), children.begin(), children.end());
    }
    return runs;
}

ReportContents gatherReportContents(const std::vector<std::filesystem::path>& folders, bool measureTest,
                                    const std::function<void(const std::string&)>& progress) {
    torch::NoGradGuard noGrad;
    ReportContents contents;
    const auto runs = findRunFolders(folders, contents.skipped);
    const auto say = [&](const std::string& step) {
        if (progress) progress(step);
    };
    const auto skip = [&](const std::filesystem::path& folder, const std::string& why) {
        contents.skipped.push_back(folder.string() + ": " + why);
        say("skipped " + folder.string() + ": " + why);
    };

    // The judge first: every addition run is read by it. The first readable judge run wins.
    std::optional<JudgeRun> judge;
    std::map<std::filesystem::path, RunKind> kinds;
    for (const auto& folder : runs) {
        try {
            kinds[folder] = readRunKind(folder);
            if (kinds[folder].family != RunFamily::Judge || judge) continue;
            judge = openJudgeRun(folder);
            contents.judge = JudgeReport{folder, judge->testAccuracy,
                                         static_cast<int>(track::RunFolder::open(folder).readMetrics().size())};
            say("judge " + folder.string());
        } catch (const std::exception& error) {
            skip(folder, error.what());
            kinds.erase(folder);
        }
    }

    DataCache cache;
    for (const auto& folder : runs) {
        const auto known = kinds.find(folder);
        if (known == kinds.end()) continue;  // skipped above
        const RunKind& kind = known->second;
        try {
            if (kind.family == RunFamily::Autoencoder) {
                say("autoencoder " + folder.string());
                contents.autoencoders.push_back(readAutoencoder(folder, cache));
            } else if (kind.family == RunFamily::Addition) {
                say(kind.name + " " + folder.string() + (measureTest ? " (measuring it on the test split)" : ""));
                contents.additions.push_back(
                    readAddition(folder, cache, judge ? &judge->judge : nullptr, measureTest));
            }
        } catch (const std::exception& error) {
            skip(folder, error.what());
        }
    }

    // The pair figures use the data of the first addition run (the embedded subset otherwise).
    nlohmann::json dataConfig = {{"data", {{"folder", nullptr}, {"split_seed", 42}}}};
    if (!contents.additions.empty()) {
        dataConfig = track::RunFolder::open(contents.additions.front().folder).readConfig();
    }
    say("addition pairs");
    const auto& dataEntry = dataConfig.at("data");
    contents.dataSource = dataEntry.contains("folder") && dataEntry["folder"].is_string()
                              ? dataEntry["folder"].get<std::string>()
                              : "the embedded MNIST subset";
    contents.dataSource += ", split seed " + std::to_string(dataEntry.value("split_seed", 42));
    addPairFigures(contents, cache.get(dataConfig));
    listMissing(contents);
    return contents;
}

}  // namespace learn2add::infer
