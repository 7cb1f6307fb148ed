// learn2add-bench: how fast the three autoencoders of ASSIGNMENT.md Part II and the Part III addition
// model train and answer with LibTorch, measured exactly as the PyTorch twin
// (python/autoencoder_twin.py) measures itself, so the two can be put side by side
// (run-training-benchmark.sh builds and runs both).
//
//   learn2add-bench [--steps 40] [--threads 2] [--json FILE] [--export-reference DIR]
//
// Per decoder (mirror, upsample, resize64), code size 7: an Autoencoder seeded with 42, Adam
// (lr 1e-3), MSE loss, batches of 128 embedded MNIST training images resized to the model's input
// size (32, or 64 for resize64), gathered with index_select from a seeded permutation.
//   training: 5 warm-up steps, then `steps` timed steps; one step is gather + forward + loss +
//             zero_grad + backward + optimizer step; images/s = steps * 128 / total time.
//   decoding: decode(code) of one code, eval mode, under NoGradGuard; 20 warm-up calls, then the
//             median of 200 timed calls.
// The row "addition" is the addition model (upsample decoder, code 7) trained with the app's default
// (guided) loss, train/AdditionLoss.h: one step is a batch of 128 (x, u, y) tuples (x and y two
// gathered batches of images, u addends 0..9), and "images/s" counts tuples; its "decode" is the
// inference model E -> P -> D on one image and one addend, what the addend slider runs. The rows
// "vae-addition" and "vae-genp-addition" (Part IV) are the same with the variational encoder
// (reparameterized sample, KL term) and, for the second, the generative P (sampled result code,
// Gaussian negative log-likelihood code term), each trained with the app's default options for it.
// --only NAMES (comma-separated row names) runs those rows alone.
// Every row also says how busy the rest of the machine was while it was measured (CPU time of
// other processes, from /proc/stat), because timings taken next to a compiler mean little.
//
// --export-reference DIR writes, per decoder, the untrained model's parameters, a small batch, its
// forward() and the decode() of a few codes to DIR/<decoder>.pt (torch::pickle_save, readable by
// Python's torch.load); `autoencoder_twin.py --check-against DIR` proves that the twin computes
// the same function, not only that it has as many parameters.

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "CommandLineValues.h"
#include "LatencyStatistics.h"
#include "MachineLoad.h"
#include "common/Precision.h"
#include "common/TorchRuntime.h"
#include "data/DigitTensors.h"
#include "data/MnistData.h"
#include "models/AdditionModel.h"
#include "models/Autoencoder.h"
#include "models/WeightLayout.h"
#include "models/ParameterCount.h"
#include "train/AdditionLoss.h"
#include "train/Losses.h"

namespace {

using namespace learn2add;
using bench::CpuSample;
using bench::loadAverage;
using bench::median;
using bench::othersCpuPercent;
using bench::positiveInteger;
using bench::sampleCpu;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kBatchSize = 128;
constexpr std::int64_t kCodeSize = 7;
constexpr double kLearningRate = 1e-3;
constexpr int kWarmupSteps = 5;
constexpr int kDecodeWarmup = 20;
constexpr int kDecodeRepeats = 200;
constexpr std::uint64_t kSeed = 42;
constexpr std::uint64_t kLossSeed = 7;  // the noise of the exported training loss
// The first 8,000 images of the embedded subset's training split: a fixed number, the same in the
// Python twin, whatever the split's exact size.
constexpr std::int64_t kTrainingImages = 8000;

struct BenchmarkOptions {
    int steps = 40;
    int threads = 2;
    std::optional<std::filesystem::path> json;
    std::optional<std::filesystem::path> exportReference;
    std::vector<std::string> only;  // empty: every row
    Precision precision = Precision::Fp32;  // of the training step (autocast), as the trainers do
    // The convolution weights' layout while training (models/WeightLayout.h): channels-last as the
    // trainers' loop, or the default one to measure what it changes.
    at::MemoryFormat layout = at::MemoryFormat::ChannelsLast;
};

const std::vector<std::string> kRowNames = {"mirror", "upsample", "resize64", "addition",
                                            "vae-addition", "vae-genp-addition"};

constexpr const char* kUsage =
    "usage: learn2add-bench [--steps N] [--threads N] [--json FILE] [--export-reference DIR]\n"
    "                       [--only NAMES] [--precision fp32|bf16|auto]\n"
    "                       [--layout channels-last|default]\n"
    "  --steps N               timed training steps per decoder, after 5 warm-up steps (default 40)\n"
    "  --threads N             LibTorch intra-op threads; OpenBLAS is pinned to 1 (default 2)\n"
    "  --json FILE             also write the results as JSON\n"
    "  --export-reference DIR  write each untrained model, a batch and its outputs to DIR/<decoder>.pt\n"
    "                          (for autoencoder_twin.py --check-against DIR) and exit\n"
    "  --only NAMES            comma-separated rows to run: mirror, upsample, resize64, addition,\n"
    "                          vae-addition, vae-genp-addition (default: all)\n"
    "  --precision P           fp32 (default), bf16 (autocast of the forward pass and the loss, as\n"
    "                          train --precision bf16 does) or auto (bf16 where the CPU has it)\n"
    "  --layout L              the convolution weights' layout while training: channels-last\n"
    "                          (default, as the trainers) or default (NCHW)\n";

BenchmarkOptions parseArguments(int argc, char** argv) {
    BenchmarkOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--help" || flag == "-h") {
            std::cout << kUsage;
            std::exit(0);
        }
        if (i + 1 >= argc) throw std::invalid_argument("unknown option or missing value: " + flag);
        const std::string value = argv[++i];
        if (flag == "--steps") {
            options.steps = positiveInteger(flag, value);
        } else if (flag == "--threads") {
            options.threads = positiveInteger(flag, value);
        } else if (flag == "--json") {
            options.json = value;
        } else if (flag == "--export-reference") {
            options.exportReference = value;
        } else if (flag == "--precision") {
            options.precision = precisionFromString(value);
        } else if (flag == "--layout") {
            if (value != "channels-last" && value != "default") {
                throw std::invalid_argument("--layout: channels-last or default, not '" + value + "'");
            }
            options.layout = value == "default" ? at::MemoryFormat::Contiguous
                                                : at::MemoryFormat::ChannelsLast;
        } else if (flag == "--only") {
            std::stringstream names(value);
            for (std::string name; std::getline(names, name, ',');) {
                if (std::find(kRowNames.begin(), kRowNames.end(), name) == kRowNames.end()) {
                    throw std::invalid_argument("--only: no row named '" + name + "'");
                }
                options.only.push_back(name);
            }
        } else {
            throw std::invalid_argument("unknown option: " + flag);
        }
    }
    return options;
}

double millisecondsBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

struct DecoderResult {
    std::string decoder;
    std::int64_t imageSize = 0;
    std::int64_t parameters = 0;
    std::map<std::string, std::vector<std::int64_t>> parameterShapes;
    double imagesPerSecond = 0.0;
    double medianStepMs = 0.0;
    double medianForwardMs = 0.0;   // gather + forward + loss
    double medianBackwardMs = 0.0;  // zero_grad + backward
    double medianOptimizerMs = 0.0; // optimizer step
    double decodeMedianMs = 0.0;
    double othersCpuPercent = 0.0;
    std::vector<double> loadAtStart;
};

torch::Tensor trainingImages(const data::DigitSet& train, std::int64_t size) {
    TORCH_CHECK(static_cast<std::int64_t>(train.size()) >= kTrainingImages, "the training split has ",
                train.size(), " images; the benchmark needs ", kTrainingImages);
    return data::imagesToTensor(train, static_cast<int>(size)).slice(0, 0, kTrainingImages);
}

models::Autoencoder seededModel(models::DecoderKind kind) {
    torch::manual_seed(kSeed);
    return models::Autoencoder(models::AutoencoderOptions().decoder(kind).codeSize(kCodeSize));
}

models::AdditionModel seededAdditionModel(models::AdditionVariant variant) {
    torch::manual_seed(kSeed);
    return models::AdditionModel(models::AdditionModelOptions()
                                     .decoder(models::DecoderKind::Upsample)
                                     .codeSize(kCodeSize)
                                     .variant(variant));
}

// The guided recipe's loss as the Python twin computes it (bench/python: no digit probe, KL
// weight 1e-3 for every variational variant), so that the two sides time and check the same loss.
train::AdditionTrainingOptions defaultTrainingOptions(models::AdditionVariant variant) {
    return train::AdditionTrainingOptions().variant(variant).klWeight(1e-3);
}

// Times `steps` training steps after kWarmupSteps; lossOfStep(k) gathers batch k and returns its
// loss (the gather and forward are timed as "forward"). Fills the training fields of `result`.
void timeTraining(torch::nn::Module& model, const std::function<torch::Tensor(std::int64_t)>& lossOfStep,
                  const BenchmarkOptions& options, DecoderResult& result) {
    result.loadAtStart = loadAverage();
    result.parameters = models::parameterCount(model);
    for (const auto& item : model.named_parameters()) {
        result.parameterShapes[item.key()] = item.value().sizes().vec();
    }
    models::setWeightLayout(model.parameters(), options.layout);
    torch::optim::Adam optimizer(model.parameters(), torch::optim::AdamOptions(kLearningRate));
    model.train();
    std::vector<double> stepMs, forwardMs, backwardMs, optimizerMs;
    const auto step = [&](std::int64_t index) {
        const auto t0 = Clock::now();
        const torch::Tensor loss = [&] {
            AutocastScope autocast(options.precision);
            return lossOfStep(index);
        }().to(torch::kFloat32);
        const auto t1 = Clock::now();
        optimizer.zero_grad();
        loss.backward();
        const auto t2 = Clock::now();
        optimizer.step();
        const auto t3 = Clock::now();
        stepMs.push_back(millisecondsBetween(t0, t3));
        forwardMs.push_back(millisecondsBetween(t0, t1));
        backwardMs.push_back(millisecondsBetween(t1, t2));
        optimizerMs.push_back(millisecondsBetween(t2, t3));
    };
    for (int s = 0; s < kWarmupSteps; ++s) step(s);
    for (auto* times : {&stepMs, &forwardMs, &backwardMs, &optimizerMs}) times->clear();

    const auto start = Clock::now();
    for (int s = 0; s < options.steps; ++s) step(kWarmupSteps + s);
    const double totalSeconds = millisecondsBetween(start, Clock::now()) / 1000.0;
    result.imagesPerSecond = static_cast<double>(options.steps * kBatchSize) / totalSeconds;
    result.medianStepMs = median(stepMs);
    result.medianForwardMs = median(forwardMs);
    result.medianBackwardMs = median(backwardMs);
    result.medianOptimizerMs = median(optimizerMs);
    models::setWeightLayout(model.parameters(), at::MemoryFormat::Contiguous);  // as the trainers
}

// The median of kDecodeRepeats calls of answer(), in eval mode, after kDecodeWarmup calls.
double medianAnswerMs(torch::nn::Module& model, const std::function<void()>& answer) {
    model.eval();
    torch::NoGradGuard noGrad;
    for (int i = 0; i < kDecodeWarmup; ++i) answer();
    std::vector<double> times;
    for (int i = 0; i < kDecodeRepeats; ++i) {
        const auto t0 = Clock::now();
        answer();
        times.push_back(millisecondsBetween(t0, Clock::now()));
    }
    return median(times);
}

DecoderResult benchmarkDecoder(models::DecoderKind kind, const data::DigitSet& train,
                               const BenchmarkOptions& options) {
    DecoderResult result;
    result.decoder = models::toString(kind);
    const CpuSample cpuStart = sampleCpu();
    models::Autoencoder model = seededModel(kind);
    result.imageSize = model->imageSize();
    const torch::Tensor images = trainingImages(train, model->imageSize());
    const std::int64_t batches = images.size(0) / kBatchSize;  // full batches only
    const torch::Tensor order = torch::randperm(images.size(0), torch::kInt64);
    timeTraining(
        *model,
        [&](std::int64_t index) {
            const std::int64_t begin = (index % batches) * kBatchSize;
            const torch::Tensor x = images.index_select(0, order.slice(0, begin, begin + kBatchSize));
            return train::reconstructionLoss(model->forward(x), x, train::ReconstructionLoss::L2);
        },
        options, result);
    const torch::Tensor code = torch::randn({1, kCodeSize});
    result.decodeMedianMs = medianAnswerMs(*model, [&] { model->decode(code); });
    result.othersCpuPercent = othersCpuPercent(cpuStart, sampleCpu());
    return result;
}

DecoderResult benchmarkAddition(const data::DigitSet& train, models::AdditionVariant variant,
                                const BenchmarkOptions& options) {
    DecoderResult result;
    result.decoder = models::toString(variant);
    const CpuSample cpuStart = sampleCpu();
    models::AdditionModel model = seededAdditionModel(variant);
    result.imageSize = model->imageSize();
    const torch::Tensor images = trainingImages(train, model->imageSize());
    const std::int64_t batches = images.size(0) / kBatchSize;
    const torch::Tensor inputs = torch::randperm(images.size(0), torch::kInt64);
    const torch::Tensor outputs = torch::randperm(images.size(0), torch::kInt64);
    const torch::Tensor addends = torch::randint(0, 10, {images.size(0), 1}, torch::kFloat32);
    const train::AdditionTrainingOptions guided = defaultTrainingOptions(variant);
    timeTraining(
        *model,
        [&](std::int64_t index) {
            const std::int64_t begin = (index % batches) * kBatchSize;
            const torch::Tensor x = images.index_select(0, inputs.slice(0, begin, begin + kBatchSize));
            const torch::Tensor y = images.index_select(0, outputs.slice(0, begin, begin + kBatchSize));
            const torch::Tensor u = addends.slice(0, begin, begin + kBatchSize);
            return train::additionBatchLoss(model, guided, x, u, y).total;
        },
        options, result);
    const torch::Tensor image = images.slice(0, 0, 1);
    const torch::Tensor addend = torch::full({1, 1}, 1.5f);
    result.decodeMedianMs = medianAnswerMs(*model, [&] { model->add(image, addend); });
    result.othersCpuPercent = othersCpuPercent(cpuStart, sampleCpu());
    return result;
}

void writeReference(const std::filesystem::path& path,
                    const c10::Dict<std::string, torch::Tensor>& reference) {
    const std::vector<char> bytes = torch::pickle_save(c10::IValue(reference));
    std::ofstream file(path, std::ios::binary);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!file) throw std::runtime_error("could not write " + path.string());
    std::cout << "wrote " << path.string() << "\n";
}

// The model's parameters ("param:" + name), 4 training images ("input") and 3 random codes
// ("code") with the decoder's answer ("decode").
c10::Dict<std::string, torch::Tensor> referenceOf(torch::nn::Module& model,
                                                  const torch::Tensor& images,
                                                  const std::function<torch::Tensor(torch::Tensor)>& decode) {
    c10::Dict<std::string, torch::Tensor> reference;
    for (const auto& item : model.named_parameters()) {
        reference.insert("param:" + item.key(), item.value().detach().clone());
    }
    const torch::Tensor codes = torch::randn({3, kCodeSize});
    reference.insert("input", images.slice(0, 0, 4).clone());
    reference.insert("code", codes);
    reference.insert("decode", decode(codes));
    return reference;
}

// Per decoder: forward() of the input. The addition model: add() of the input and "addend".
void exportReference(const std::filesystem::path& folder, const data::DigitSet& train) {
    std::filesystem::create_directories(folder);
    torch::NoGradGuard noGrad;
    for (const models::DecoderKind kind : models::kAllDecoderKinds) {
        models::Autoencoder model = seededModel(kind);
        auto reference = referenceOf(
            *model, data::imagesToTensor(train, static_cast<int>(model->imageSize())),
            [&](const torch::Tensor& codes) { return model->decode(codes); });
        reference.insert("forward", model->forward(reference.at("input")));
        writeReference(folder / (models::toString(kind) + ".pt"), reference);
    }
    for (const models::AdditionVariant variant : models::kAllAdditionVariants) {
        models::AdditionModel model = seededAdditionModel(variant);
        const torch::Tensor images =
            data::imagesToTensor(train, static_cast<int>(model->imageSize()));
        auto reference = referenceOf(
            *model, images,
            [&](const torch::Tensor& codes) { return model->autoencoder()->decode(codes); });
        const torch::Tensor addends = torch::tensor({0.0f, 1.5f, 4.0f, 9.0f}).reshape({4, 1});
        reference.insert("addend", addends);
        model->eval();
        reference.insert("forward", model->add(reference.at("input"), addends));
        // The training loss of a batch in training mode, its noise drawn after
        // manual_seed(kLossSeed): the twin draws the same numbers in the same order from the
        // same LibTorch.
        const torch::Tensor expected = images.slice(0, 4, 8).clone();
        reference.insert("expected", expected);
        model->train();
        torch::manual_seed(kLossSeed);
        {
            torch::NoGradGuard noGrad;
            reference.insert("loss", train::additionBatchLoss(model, defaultTrainingOptions(variant),
                                                              reference.at("input"), addends,
                                                              expected)
                                         .total.detach()
                                         .reshape({1}));
        }
        writeReference(folder / (models::toString(variant) + ".pt"), reference);
    }
}

void printTable(const std::vector<DecoderResult>& results) {
    std::printf("%-17s %5s %10s %9s %8s %8s %8s %8s %10s %8s\n", "decoder", "size", "parameters",
                "img/s", "step ms", "fwd ms", "bwd ms", "opt ms", "decode ms", "others%");
    for (const DecoderResult& r : results) {
        std::printf("%-17s %5lld %10lld %9.1f %8.2f %8.2f %8.2f %8.2f %10.3f %8.1f\n",
                    r.decoder.c_str(), static_cast<long long>(r.imageSize),
                    static_cast<long long>(r.parameters), r.imagesPerSecond, r.medianStepMs,
                    r.medianForwardMs, r.medianBackwardMs, r.medianOptimizerMs, r.decodeMedianMs,
                    r.othersCpuPercent);
    }
}

nlohmann::json toJson(const std::vector<DecoderResult>& results, const BenchmarkOptions& options,
                      const TorchThreadSettings& threads) {
    nlohmann::json rows = nlohmann::json::array();
    for (const DecoderResult& r : results) {
        rows.push_back({{"decoder", r.decoder},
                        {"image_size", r.imageSize},
                        {"parameters", r.parameters},
                        {"parameter_shapes", r.parameterShapes},
                        {"images_per_second", r.imagesPerSecond},
                        {"median_step_ms", r.medianStepMs},
                        {"median_forward_ms", r.medianForwardMs},
                        {"median_backward_ms", r.medianBackwardMs},
                        {"median_optimizer_ms", r.medianOptimizerMs},
                        {"decode_median_ms", r.decodeMedianMs},
                        {"others_cpu_percent", r.othersCpuPercent},
                        {"load_average_at_start", r.loadAtStart}});
    }
    return {{"side", "C++"},
            {"torch_version", std::to_string(TORCH_VERSION_MAJOR) + "." +
                                  std::to_string(TORCH_VERSION_MINOR) + "." +
                                  std::to_string(TORCH_VERSION_PATCH)},
            {"threads_requested", options.threads},
            {"precision", toString(options.precision)},
            {"layout", options.layout == at::MemoryFormat::ChannelsLast ? "channels-last" : "default"},
            {"intra_op_threads", threads.intraOpThreads},
            {"blas", threads.blasName + (threads.blasPinnedToOne ? " (1 thread)" : "")},
            {"batch_size", kBatchSize},
            {"code_size", kCodeSize},
            {"learning_rate", kLearningRate},
            {"warmup_steps", kWarmupSteps},
            {"steps", options.steps},
            {"training_images", kTrainingImages},
            {"decode_repeats", kDecodeRepeats},
            {"results", rows}};
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const BenchmarkOptions options = parseArguments(argc, argv);
        const TorchThreadSettings threads = configureTorchThreads(options.threads);
        const data::MnistData mnist = data::loadEmbeddedMnist(kSeed);
        if (options.exportReference) {
            exportReference(*options.exportReference, mnist.train);
            return 0;
        }
        std::printf("C++ (LibTorch %d.%d.%d, %s): %d intra-op threads, %s%s; batch %lld, %d timed "
                    "steps after %d warm-up steps, %lld training images\n",
                    TORCH_VERSION_MAJOR, TORCH_VERSION_MINOR, TORCH_VERSION_PATCH,
                    toString(options.precision),
                    threads.intraOpThreads, threads.blasName.c_str(),
                    threads.blasPinnedToOne ? " pinned to 1 thread" : "",
                    static_cast<long long>(kBatchSize), options.steps, kWarmupSteps,
                    static_cast<long long>(kTrainingImages));
        const auto wanted = [&](const std::string& name) {
            return options.only.empty() ||
                   std::find(options.only.begin(), options.only.end(), name) != options.only.end();
        };
        std::vector<DecoderResult> results;
        for (const models::DecoderKind kind : models::kAllDecoderKinds) {
            if (wanted(models::toString(kind))) {
                results.push_back(
                    benchmarkDecoder(kind, mnist.train, options));
            }
        }
        for (const models::AdditionVariant variant : models::kAllAdditionVariants) {
            if (wanted(models::toString(variant))) {
                results.push_back(
                    benchmarkAddition(mnist.train, variant, options));
            }
        }
        printTable(results);
        if (options.json) {
            std::ofstream file(*options.json);
            file << toJson(results, options, threads).dump(2) << "\n";
            if (!file) throw std::runtime_error("could not write " + options.json->string());
        }
        return 0;
    } catch (const std::invalid_argument& error) {
        std::cerr << "learn2add-bench: " << error.what() << "\n" << kUsage;
        return 2;
    } catch (const c10::Error& error) {
        std::cerr << "learn2add-bench: " << error.what_without_backtrace() << "\n";
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "learn2add-bench: " << error.what() << "\n";
        return 1;
    }
}
