// learn2add-gui-bench: how responsive the real app widgets stay while models train and infer,
// under QT_QPA_PLATFORM=offscreen (set when the environment names no platform).
//
//   learn2add-gui-bench --scenario autoencoder-training [--seconds 30]
//   learn2add-gui-bench --scenario addition-slider --addition-run DIR --judge-run DIR
//                       [--while-training] [--seconds 30]
//   learn2add-gui-bench --scenario grid --addition-run DIR --judge-run DIR [--repeats 50]
//   learn2add-gui-bench --scenario inside --addition-run DIR --judge-run DIR [--repeats 50]
//
// autoencoder-training: an AutoencoderPage trains the upsample decoder (L2, code 7, batches of
//   128, the form's other defaults, nothing written); from the first batch report on, a precise
//   10 ms timer on the GUI thread records how late each tick comes (EventLoopLatencyProbe) for
//   `seconds`, and the batches the worker completed meanwhile are counted. Target: p99 < 30 ms.
// addition-slider: an AdditionPage with both runs opened; every 16 ms the addend slider moves one
//   step (0.01) along 0.00 .. 9.00 and back, as a drag does. A move's latency runs from
//   slider->setValue() until the explorer has shown an output at least as new as the move's
//   request (the inference coalesces, so a later answer may serve several moves). The event-loop
//   probe runs meanwhile. With --while-training, an addition training started from the page's
//   Train tab (its defaults, the judge run given) runs from its first batch report on.
//   Targets: p99 < 16 ms without training, < 50 ms while training.
// grid: the judge-marked digit-by-addend grid (55 cells) as the app computes it on the inference
//   thread: from AdditionInference::requestGrid() to its gridReady signal, `repeats` times with a
//   random test image per digit (seeded). Target: p99 < 50 ms.
// inside: the views of what the model learned, from the request to the answer: the feature maps at
//   a random addend, a random point of the code manifold's plane, one t of a morph 3 -> 7, each
//   `repeats` times, interleaved. Target: p99 < 16.7 ms (a frame at 60 Hz).
//
// Every statistic is one line, "<scenario> <what> ms: n=.. p50=.. p95=.. p99=.. max=..", followed
// by a target line ("met" or "NOT met") and the machine's load, so that results can be grepped.
// LibTorch gets the app's threads (the inference thread's batches on every core, a slider's
// answer on one) and its views' precision (auto unless --precision), OpenBLAS pinned to one thread.

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "CommandLineValues.h"
#include "EventLoopLatencyProbe.h"
#include "LatencyStatistics.h"
#include "MachineLoad.h"
#include "addition/AddendControl.h"
#include "addition/AdditionExplorerPanel.h"
#include "addition/AdditionGridPanel.h"
#include "addition/AdditionGridView.h"
#include "addition/AdditionInference.h"
#include "addition/AdditionPage.h"
#include "addition/AdditionTrainingPanel.h"
#include "addition/AdditionTrainingRunner.h"
#include "autoencoder/AutoencoderPage.h"
#include "autoencoder/AutoencoderSettingsPanel.h"
#include "common/Precision.h"
#include "common/TorchRuntime.h"
#include "infer/InferenceThread.h"
#include "data/DataLoader.h"
#include "widgets/MessageBanner.h"
#include "autoencoder/AutoencoderTrainingRunner.h"
#include "widgets/DigitMosaic.h"

namespace {

using namespace learn2add;
using namespace learn2add::ui;
using bench::EventLoopLatencyProbe;
using bench::positiveInteger;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr std::uint64_t kDataSeed = 42;
constexpr int kDragStepMs = 16;
constexpr int kDragLastValue = 900;  // 9.00 on the addend slider
constexpr double kAutoencoderTrainingTargetMs = 30.0;
constexpr double kSliderTargetMs = 16.0;
constexpr double kSliderWhileTrainingTargetMs = 50.0;
constexpr double kGridTargetMs = 50.0;
constexpr double kFrameTargetMs = 16.7;
// The guided recipe warms up (minutes on a loaded 2-core machine) before its first batch.
constexpr seconds kFirstBatchTimeout(900);

struct GuiBenchOptions {
    std::string scenario;
    int seconds = 30;
    int repeats = 50;
    QString additionRun;
    QString judgeRun;
    bool whileTraining = false;
    std::string precision = "auto";  // of the inference thread, as the app's default
    int inferenceThreads = 0;        // 0: the inference thread's default (every core)
};

constexpr const char* kUsage =
    "usage: learn2add-gui-bench --scenario autoencoder-training [--seconds N]\n"
    "       learn2add-gui-bench --scenario addition-slider --addition-run DIR --judge-run DIR\n"
    "                           [--while-training] [--seconds N]\n"
    "       learn2add-gui-bench --scenario grid --addition-run DIR --judge-run DIR [--repeats N]\n"
    "       learn2add-gui-bench --scenario inside --addition-run DIR --judge-run DIR [--repeats N]\n"
    "  --seconds N        how long to measure (default 30)\n"
    "  --repeats N        grids (or feature maps, manifold points, morph points) to time (default 50)\n"
    "  --while-training   addition-slider: measure while an addition training runs\n"
    "  --precision P      auto (default, as the app), fp32 or bf16: the inference thread's\n"
    "  --inference-threads N  the inference thread's LibTorch threads (default: every core)\n";

GuiBenchOptions parseArguments(int argc, char** argv) {
    GuiBenchOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--help" || flag == "-h") {
            std::cout << kUsage;
            std::exit(0);
        }
        if (flag == "--while-training") {
            options.whileTraining = true;
            continue;
        }
        if (i + 1 >= argc) throw std::invalid_argument("unknown option or missing value: " + flag);
        const std::string value = argv[++i];
        if (flag == "--scenario") {
            options.scenario = value;
        } else if (flag == "--seconds") {
            options.seconds = positiveInteger(flag, value);
        } else if (flag == "--repeats") {
            options.repeats = positiveInteger(flag, value);
        } else if (flag == "--addition-run") {
            options.additionRun = QString::fromStdString(value);
        } else if (flag == "--judge-run") {
            options.judgeRun = QString::fromStdString(value);
        } else if (flag == "--inference-threads") {
            options.inferenceThreads = positiveInteger(flag, value);
        } else if (flag == "--precision") {
            precisionFromString(value);  // refuses an unknown name
            options.precision = value;
        } else {
            throw std::invalid_argument("unknown option: " + flag);
        }
    }
    if (options.scenario != "autoencoder-training" && options.scenario != "addition-slider" &&
        options.scenario != "grid" && options.scenario != "inside") {
        const std::string allowed = "autoencoder-training, addition-slider, grid or inside";
        throw std::invalid_argument("--scenario must be " + allowed + ", got '" + options.scenario +
                                    "'");
    }
    if (options.scenario != "autoencoder-training" &&
        (options.additionRun.isEmpty() || options.judgeRun.isEmpty())) {
        throw std::invalid_argument("--scenario " + options.scenario +
                                    " needs --addition-run DIR and --judge-run DIR");
    }
    return options;
}

// Runs the GUI thread's event loop for `duration`, as app.exec() would.
void runEventLoopFor(milliseconds duration) {
    QEventLoop loop;
    QTimer::singleShot(duration, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until done() holds; throws, naming `what`, after `timeout`.
void waitFor(const std::function<bool()>& done, milliseconds timeout, const std::string& what) {
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > timeout.count()) loop.quit();
    });
    poll.start(5);
    if (!done()) loop.exec();
    if (!done()) {
        throw std::runtime_error("timed out after " + std::to_string(timeout.count() / 1000) +
                                 " s waiting for " + what);
    }
}

// The embedded MNIST subset and its addition pairs, loaded as the app loads them.
std::shared_ptr<const LoadedData> loadEmbeddedData() {
    DataLoader loader;
    std::shared_ptr<const LoadedData> data;
    QString error;
    QObject::connect(&loader, &DataLoader::loaded, &loader,
                     [&](std::shared_ptr<const LoadedData> loaded) { data = std::move(loaded); });
    QObject::connect(&loader, &DataLoader::failed, &loader,
                     [&](const QString& message) { error = message; });
    loader.load(std::nullopt, kDataSeed);
    waitFor([&] { return data || !error.isEmpty(); }, seconds(300), "the embedded data");
    if (!data) throw std::runtime_error("could not load the embedded data: " + error.toStdString());
    return data;
}

// Batches a training has completed by the time of `report` (a train::BatchReport or an
// AdditionBatchValues).
template <typename Report>
long long completedBatches(const Report& report) {
    return static_cast<long long>(report.epoch - 1) * report.batchesPerEpoch + report.batch;
}

double millisecondsSince(const QElapsedTimer& clock, qint64 startNs) {
    return static_cast<double>(clock.nsecsElapsed() - startNs) / 1e6;
}

// One request at a time, from the call on the GUI thread to the answer the inference thread
// delivers: time() asks (the request returns its sequence) and waits; the answer's signal calls
// answered(sequence), which records the latency when it is the answer awaited.
class RequestTimer {
public:
    RequestTimer() { clock_.start(); }

    bool answered(quint64 sequence) {
        if (!into_ || sequence != awaited_) return false;
        into_->push_back(millisecondsSince(clock_, startNs_));
        into_ = nullptr;
        return true;
    }

    void time(std::vector<double>& samples, const std::function<quint64()>& ask, const std::string& what) {
        into_ = &samples;
        startNs_ = clock_.nsecsElapsed();
        awaited_ = ask();  // answers are delivered in the event loop below, after this is set
        waitFor([&] { return into_ == nullptr; }, seconds(30), what);
    }

private:
    QElapsedTimer clock_;
    quint64 awaited_ = 0;
    qint64 startNs_ = 0;
    std::vector<double>* into_ = nullptr;  // the samples of the request awaited; null: answered
};

void printSummary(const std::string& scenario, const std::string& what,
                  const std::vector<double>& valuesMs, const std::string& extra = {}) {
    std::printf("%s %s ms: %s%s\n", scenario.c_str(), what.c_str(),
                bench::toString(bench::summarize(valuesMs)).c_str(), extra.c_str());
}

void printTarget(const std::string& scenario, const std::string& what,
                 const std::vector<double>& valuesMs, double limitMs) {
    const double p99 = bench::summarize(valuesMs).p99;
    std::printf("%s target: %s p99 < %.0f ms: %s (p99=%.1f)\n", scenario.c_str(), what.c_str(),
                limitMs, !valuesMs.empty() && p99 < limitMs ? "met" : "NOT met", p99);
}

// Where the measured window's time went: how busy the GUI thread was (its own CPU time) and how
// much of the machine other processes took.
struct LoadSample {
    bench::CpuSample machine = bench::sampleCpu();
    double guiThreadCpuSeconds = bench::callingThreadCpuSeconds();
};

void printMachineLoad(const std::string& scenario, const LoadSample& start) {
    const LoadSample end;
    const double wall =
        std::chrono::duration<double>(end.machine.when - start.machine.when).count();
    const double guiBusy = 100.0 * (end.guiThreadCpuSeconds - start.guiThreadCpuSeconds) / wall;
    const std::vector<double> load = bench::loadAverage();
    std::printf(
        "%s machine: GUI thread busy %.0f%% of the time; %d cores, other processes used "
        "%.0f%% of them; load average now %.2f %.2f %.2f\n",
        scenario.c_str(), guiBusy, hardwareThreads(),
        bench::othersCpuPercent(start.machine, end.machine), load[0], load[1], load[2]);
}

// Training the upsample decoder on the Autoencoder page; the event-loop probe meanwhile.
void measureAutoencoderTraining(const GuiBenchOptions& options,
                                std::shared_ptr<const LoadedData> data) {
    const std::string scenario = "autoencoder-training";
    AutoencoderPage page;
    page.resize(1200, 800);
    page.show();
    page.setData(std::move(data));
    AutoencoderSettingsPanel& form = *page.settings();
    form.decoderBox()->setCurrentIndex(form.decoderBox()->findData("upsample"));
    form.lossBox()->setCurrentIndex(form.lossBox()->findData("l2"));
    form.codeSizeBox()->setValue(7);
    form.batchSizeBox()->setValue(128);
    form.batchesPerEpochBox()->setValue(0);  // whole epochs
    form.setRunFolderBase(std::nullopt);     // write nothing

    std::optional<train::BatchReport> latest;
    QString failure;
    QObject::connect(page.trainingRunner(), &AutoencoderTrainingRunner::progress, &page,
                     [&](int, const train::BatchReport& report) { latest = report; });
    QObject::connect(page.trainingRunner(), &AutoencoderTrainingRunner::runFailed, &page,
                     [&](int, const QString& message) { failure = message; });
    page.startTraining();
    if (!page.trainingRunner()->isRunning()) {
        throw std::runtime_error("the page refused to train: " +
                                 page.banner()->text().toStdString());
    }
    waitFor([&] { return latest || !failure.isEmpty(); }, kFirstBatchTimeout, "the first batch");
    if (!failure.isEmpty())
        throw std::runtime_error("the training failed: " + failure.toStdString());

    const long long batchesBefore = completedBatches(*latest);
    const LoadSample loadStart;
    EventLoopLatencyProbe probe;
    probe.start();
    runEventLoopFor(seconds(options.seconds));
    probe.stop();
    const long long batchesDuring = completedBatches(*latest) - batchesBefore;

    printSummary(scenario, "event-loop lateness", probe.latenessMs(),
                 "; batches during probe: " + std::to_string(batchesDuring) + " (epoch " +
                     std::to_string(latest->epoch) + ")");
    printTarget(scenario, "event-loop lateness", probe.latenessMs(), kAutoencoderTrainingTargetMs);
    printMachineLoad(scenario, loadStart);

    QElapsedTimer shutdown;
    shutdown.start();
    page.shutdownTraining();
    std::printf("%s shutdown ms: %lld\n", scenario.c_str(),
                static_cast<long long>(shutdown.elapsed()));
}

// An Addition page with both runs open and every view showing its first answer.
void openRuns(AdditionPage& page, const GuiBenchOptions& options,
              std::shared_ptr<const LoadedData> data) {
    page.resize(1400, 900);
    page.show();
    page.setData(std::move(data));
    page.openJudgeRun(options.judgeRun);
    page.openAdditionRun(options.additionRun);
    const AdditionExplorerPanel& explorer = *page.explorer();
    const auto failed = [&] {
        return page.banner()->isVisible() && page.banner()->kind() == MessageBanner::Kind::Error;
    };
    waitFor(
        [&] {
            const bool shown = page.inference()->hasModel() && page.inference()->hasJudge() &&
                               explorer.lastOutputSequence() > 0 &&
                               explorer.lastOutputSequence() == explorer.lastRequestedOutput() &&
                               !explorer.assignmentStrip()->tiles().empty() &&
                               !page.gridPanel()->view()->grid().canvas.isNull();
            return shown || failed();
        },
        seconds(120), "both runs to open and be shown");
    if (failed()) throw std::runtime_error(page.banner()->text().toStdString());
}

// What an addition training has reported so far.
struct AdditionTrainingProgress {
    std::optional<AdditionBatchValues> latest;
    QString failure;
};

// Starts an addition training from the Train tab with its defaults and the judge run given, and
// returns once its first batch is reported (after the guided recipe's warm-up); `progress` then
// follows the training until the page goes away.
void startAdditionTraining(AdditionPage& page, const GuiBenchOptions& options,
                           AdditionTrainingProgress& progress) {
    AdditionTrainingPanel& form = *page.trainingPanel();
    form.decoderBox()->setCurrentText("upsample");
    form.judgeEdit()->setText(options.judgeRun);
    QObject::connect(form.runner(), &AdditionTrainingRunner::progress, &page,
                     [&progress](const AdditionBatchValues& report) { progress.latest = report; });
    QObject::connect(form.runner(), &AdditionTrainingRunner::runFailed, &page,
                     [&progress](const QString& message) { progress.failure = message; });
    QString error;
    const std::optional<AdditionTrainingJob> job = form.jobFromForm(error);
    if (!job) throw std::runtime_error("the Train tab's form is invalid: " + error.toStdString());
    QElapsedTimer clock;
    clock.start();
    form.startTraining();
    if (!form.runner()->isRunning()) {
        throw std::runtime_error("the Train tab refused to train: " +
                                 page.banner()->text().toStdString());
    }
    waitFor([&] { return progress.latest || !form.runner()->isRunning(); }, kFirstBatchTimeout,
            "the addition training's first batch");
    if (!progress.latest) {
        throw std::runtime_error("the addition training ended before its first batch: " +
                                 progress.failure.toStdString());
    }
    std::printf("addition training (%s, %d epochs) reported its first batch after %.1f s\n",
                job->name.toStdString().c_str(), job->options.epochs(), clock.elapsed() / 1000.0);
}

// A drag of the addend slider; the latency of each move until the explorer shows its answer.
void measureAdditionSlider(const GuiBenchOptions& options, std::shared_ptr<const LoadedData> data) {
    const std::string scenario =
        options.whileTraining ? "addition-slider-while-training" : "addition-slider";
    AdditionPage page;
    openRuns(page, options, std::move(data));
    AdditionExplorerPanel& explorer = *page.explorer();
    QSlider& slider = *explorer.addendControl()->slider();
    slider.setValue(0);
    waitFor([&] { return explorer.lastOutputSequence() == explorer.lastRequestedOutput(); },
            seconds(10), "the output at addend 0");

    AdditionTrainingProgress training;
    if (options.whileTraining) startAdditionTraining(page, options, training);
    const std::optional<AdditionBatchValues>& latest = training.latest;

    struct PendingMove {
        quint64 sequence = 0;
        qint64 startNs = 0;
    };
    QElapsedTimer clock;
    clock.start();
    std::deque<PendingMove> pending;
    std::vector<double> latencyMs, setValueMs;
    // Connected after the explorer's own slot, so it runs once the output has been shown.
    QObject::connect(page.inference(), &AdditionInference::outputReady, &page, [&] {
        while (!pending.empty() && pending.front().sequence <= explorer.lastOutputSequence()) {
            latencyMs.push_back(millisecondsSince(clock, pending.front().startNs));
            pending.pop_front();
        }
    });
    int direction = 1;
    QTimer drag;
    drag.setTimerType(Qt::PreciseTimer);
    QObject::connect(&drag, &QTimer::timeout, &page, [&] {
        const int value = slider.value() + direction;
        if (value == 0 || value == kDragLastValue) direction = -direction;
        const qint64 startNs = clock.nsecsElapsed();
        slider.setValue(value);
        setValueMs.push_back(millisecondsSince(clock, startNs));
        pending.push_back({explorer.lastRequestedOutput(), startNs});
    });

    const long long batchesBefore = latest ? completedBatches(*latest) : 0;
    const LoadSample loadStart;
    EventLoopLatencyProbe probe;
    probe.start();
    drag.start(kDragStepMs);
    runEventLoopFor(seconds(options.seconds));
    drag.stop();
    probe.stop();
    const std::size_t moves = setValueMs.size();
    waitFor([&] { return pending.empty(); }, seconds(10), "the answer to the last move");

    printSummary(scenario, "output latency", latencyMs,
                 "; moves: " + std::to_string(moves) + ", addend 0.00..9.00 in 0.01 steps every " +
                     std::to_string(kDragStepMs) + " ms");
    printSummary(scenario, "slider setValue", setValueMs);
    const std::string batches =
        latest
            ? "; batches during probe: " + std::to_string(completedBatches(*latest) - batchesBefore)
            : std::string();
    printSummary(scenario, "event-loop lateness", probe.latenessMs(), batches);
    printTarget(scenario, "output latency", latencyMs,
                options.whileTraining ? kSliderWhileTrainingTargetMs : kSliderTargetMs);
    printMachineLoad(scenario, loadStart);

    if (options.whileTraining) {
        QElapsedTimer stop;
        stop.start();
        page.trainingPanel()->stopTraining();
        waitFor([&] { return !page.trainingPanel()->runner()->isRunning(); }, seconds(30),
                "the training to stop");
        std::printf("%s training stopped in ms: %lld\n", scenario.c_str(),
                    static_cast<long long>(stop.elapsed()));
    }
    page.shutdown();
}

// The digit-by-addend grid, from the request to gridReady, on random test images per digit.
void measureGrid(const GuiBenchOptions& options, std::shared_ptr<const LoadedData> data) {
    const std::string scenario = "grid";
    AdditionPage page;
    openRuns(page, options, data);
    AdditionInference& inference = *page.inference();

    RequestTimer timer;
    std::optional<GridPicture> answer;
    std::vector<double> latencyMs;
    QObject::connect(&inference, &AdditionInference::gridReady, &page,
                     [&](quint64 sequence, const GridPicture& grid) {
                         if (timer.answered(sequence)) answer = grid;
                     });
    std::mt19937 random(kDataSeed);
    int judgedCells = 55;
    const LoadSample loadStart;
    for (int repeat = 0; repeat < options.repeats; ++repeat) {
        std::array<AdditionInput, kGridDigits> inputs;
        for (int digit = 0; digit < kGridDigits; ++digit) {
            const std::vector<std::size_t> indices = data->mnist.test.indicesOf(digit);
            std::uniform_int_distribution<std::size_t> pick(0, indices.size() - 1);
            inputs[static_cast<std::size_t>(digit)] =
                AdditionInput::fromDigitSet(data->mnist.test, indices[pick(random)]);
        }
        answer.reset();
        timer.time(latencyMs, [&] { return inference.requestGrid(std::move(inputs)); }, "a grid");
        judgedCells = std::min(judgedCells, answer->judgedCells());
    }
    printSummary(scenario, "request-to-gridReady latency", latencyMs,
                 "; judged cells per grid: " + std::to_string(judgedCells));
    printTarget(scenario, "request-to-gridReady latency", latencyMs, kGridTargetMs);
    printMachineLoad(scenario, loadStart);
    page.shutdown();
}

// The Addition page's views of what the model learned, as the app computes them on the inference
// thread, from the request to its answer: the feature maps at a random addend (the slider of the
// Feature maps tab), a hovered point of the code manifold (after one manifold is drawn) and one t
// of a morph. `repeats` of each, interleaved. Target: p99 < 16.7 ms (one frame at 60 Hz).
void measureInside(const GuiBenchOptions& options, std::shared_ptr<const LoadedData> data) {
    const std::string scenario = "inside";
    AdditionPage page;
    openRuns(page, options, data);
    AdditionInference& inference = *page.inference();

    RequestTimer timer;
    std::vector<double> featuresMs, pointMs, morphMs;
    QObject::connect(&inference, &AdditionInference::featureMapsReady, &page,
                     [&](const FeatureMapPicture& picture) { timer.answered(picture.sequence); });
    QObject::connect(&inference, &AdditionInference::planePointReady, &page,
                     [&](const PlanePoint& point) { timer.answered(point.sequence); });
    QObject::connect(&inference, &AdditionInference::morphPointReady, &page,
                     [&](const MorphPoint& point) { timer.answered(point.sequence); });
    std::optional<ManifoldPicture> manifold;
    QObject::connect(&inference, &AdditionInference::manifoldReady, &page,
                     [&](const ManifoldPicture& picture) { manifold = picture; });
    ManifoldRequest request;
    request.validation = std::shared_ptr<const data::DigitSet>(data, &data->mnist.validation);
    inference.requestManifold(request);
    waitFor([&] { return manifold.has_value(); }, seconds(60), "the code manifold");

    const auto timeOne = [&](std::vector<double>& samples, const std::function<quint64()>& ask) {
        timer.time(samples, ask, "an answer");
    };
    std::mt19937 random(kDataSeed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const AdditionInput seven = AdditionInput::fromDigitSet(data->mnist.test, data->mnist.test.indicesOf(7).front());
    const AdditionInput three = AdditionInput::fromDigitSet(data->mnist.test, data->mnist.test.indicesOf(3).front());
    const infer::PlaneRange range = manifold->chart.range;
    const LoadSample loadStart;
    for (int repeat = 0; repeat < options.repeats; ++repeat) {
        timeOne(featuresMs, [&] { return inference.requestFeatureMaps(seven, 2.0 * unit(random), "7"); });
        const QPointF point(range.xMin + unit(random) * (range.xMax - range.xMin),
                            range.yMin + unit(random) * (range.yMax - range.yMin));
        timeOne(pointMs, [&] { return inference.requestPlanePoint(point); });
        timeOne(morphMs, [&] {
            return inference.requestMorphPoint(three, seven, unit(random), infer::MorphPath::Spherical);
        });
    }
    for (const auto& [what, samples] :
         {std::pair<std::string, std::vector<double>*>{"feature maps request-to-ready latency", &featuresMs},
          {"manifold point request-to-ready latency", &pointMs},
          {"morph point request-to-ready latency", &morphMs}}) {
        printSummary(scenario, what, *samples, "");
        printTarget(scenario, what, *samples, kFrameTargetMs);
    }
    printMachineLoad(scenario, loadStart);
    page.shutdown();
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const GuiBenchOptions options = parseArguments(argc, argv);
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        // As the app does (app/gui/main.cpp).
        const TorchThreadSettings threads = configureTorchThreads(hardwareThreads());
        // Held for the whole run: the pages share this thread and its precision.
        const std::shared_ptr<infer::InferenceThread> inference = infer::InferenceThread::shared();
        inference->setPrecision(precisionFromString(options.precision));
        if (options.inferenceThreads > 0) inference->setThreads(options.inferenceThreads);
        const std::vector<double> load = bench::loadAverage();
        std::printf(
            "learn2add-gui-bench %s: platform %s, %d cores, LibTorch %d intra-op thread(s), "
            "%s%s, inference in %s on %d thread(s), load average %.2f %.2f %.2f\n",
            options.scenario.c_str(), qPrintable(QApplication::platformName()), hardwareThreads(),
            threads.intraOpThreads, threads.blasName.c_str(),
            threads.blasPinnedToOne ? " pinned to 1 thread" : "", toString(inference->precision()),
            inference->threads(), load[0], load[1], load[2]);
        std::fflush(stdout);
        const std::shared_ptr<const LoadedData> data = loadEmbeddedData();
        if (options.scenario == "autoencoder-training") {
            measureAutoencoderTraining(options, data);
        } else if (options.scenario == "addition-slider") {
            measureAdditionSlider(options, data);
        } else if (options.scenario == "inside") {
            measureInside(options, data);
        } else {
            measureGrid(options, data);
        }
        return 0;
    } catch (const std::invalid_argument& error) {
        std::cerr << "learn2add-gui-bench: " << error.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "learn2add-gui-bench: " << error.what() << "\n";
        return 1;
    }
}
