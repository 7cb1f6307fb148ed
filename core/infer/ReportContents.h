#pragma once
// Everything the assignment's report shows, gathered from run folders: the numbers, curves and
// images of Parts II, III and IV, and the figures that cannot be made (with the command that would
// make their run). No drawing here: the ui's report writer lays it out as figures and a PDF.
//
//   ReportContents contents = gatherReportContents({"runs"}, [](const std::string& step) { ... });
//   contents.additions[0].grid;           // the judge-marked digit-by-addend grid
//   contents.missing;                     // e.g. {"Part II: ... BCE ... code 2", "learn2add-cli train ..."}
//
// Runs its tensor work on the calling thread (call it from a worker, never from a GUI thread).

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/AdditionPairs.h"
#include "data/HeldOutCells.h"
#include "infer/AdditionEvaluation.h"
#include "infer/FigurePanels.h"
#include "models/AdditionVariant.h"
#include "train/TrainingReports.h"

namespace learn2add::infer {

// One metrics.csv: column name -> value per epoch (rows in file order).
using MetricColumns = std::map<std::string, std::vector<double>>;

struct AutoencoderReport {
    std::filesystem::path folder;
    std::string decoder;  // mirror, upsample, resize64
    std::string loss;     // l2, bce
    int codeSize = 0;
    MetricColumns metrics;  // epoch, train_rmse, validation_rmse, ...
    int bestEpoch = 0;
    double bestValidationRmse = 0.0;  // the validation RMSE at best.pt's epoch
    double finalTrainRmse = 0.0;
    train::ImageStrip inputs;           // the 5 shown validation digits
    train::ImageStrip reconstructions;  // their reconstructions by best.pt
};

struct AdditionReport {
    std::filesystem::path folder;
    models::AdditionVariant variant = models::AdditionVariant::Autoencoder;
    std::string decoder;
    std::string recipe;
    MetricColumns metrics;  // every loss term, train and validation, per epoch
    int bestEpoch = 0;
    // Judge-read share of the test split's (image, addend) pairs and the evaluation metric III.5
    // on its pairs; -1 when not measured (measureTest off, or no judge for the accuracy).
    double testAccuracy = -1.0;
    double testL2 = -1.0;
    // For a run with held-out cells, the test accuracy on the cells its training saw and on the
    // held-out ones apart (splitByHeldOut); -1 otherwise.
    double testSeenAccuracy = -1.0;
    double testHeldOutAccuracy = -1.0;
    AdditionGrid grid;           // judge-marked when there is a judge
    data::HeldOutCells heldOut;  // the cells its training left out (none: empty)
    // Input (test image 0 of digit 7), then 7 + 1, 2, 1.5, 1.4, 1.6 with the judge's readings.
    std::vector<StripPanel> fractional;
    // Generative models: one row per fractional addend: K samples, their mean and their std.
    std::vector<PanelRow> samples;
    // The transition of 7 + u as u sweeps 0..2.5: the judge's expected digit (sum of p(k) k).
    std::vector<double> sweepAddends;
    std::vector<double> expectedDigit;
};

struct JudgeReport {
    std::filesystem::path folder;
    double testAccuracy = -1.0;
    int epochs = 0;
};

struct MissingFigure {
    std::string figure;   // what cannot be drawn
    std::string command;  // the CLI command that makes the run it needs
};

struct ReportContents {
    std::string dataSource;  // where the digits of the pair figures come from
    std::vector<PanelRow> pairExamples;  // Part III.1: "input" row and "expected output" row
    std::array<data::DigitCounts, data::kDigitClasses> pairCounts{};  // [result][addend], train split
    double pairImbalance = 0.0;
    std::optional<JudgeReport> judge;
    std::vector<AutoencoderReport> autoencoders;
    std::vector<AdditionReport> additions;  // in the order given
    std::vector<std::string> skipped;       // folders that are not readable runs, with why
    std::vector<MissingFigure> missing;
};

// The fractional addends of Parts III.7 and IV.2, in the assignment's order.
inline const std::vector<double> kReportAddends{1.0, 2.0, 1.5, 1.4, 1.6};

// Each folder is a run (it holds config.json) or a folder of runs (its subfolders holding one are
// taken, sorted by name). Folders that are neither are listed in `skipped`.
std::vector<std::filesystem::path> findRunFolders(const std::vector<std::filesystem::path>& folders,
                                                  std::vector<std::string>& skipped);

// Reads and evaluates every run (see the file comment). `progress` gets one line per step. A run
// that cannot be opened (corrupt checkpoint, other architecture) is listed in `skipped` with the
// reason; it does not stop the report. `measureTest` also measures each addition model's test
// accuracy and L2 (about 5,000 generated images each: seconds per model, most of the report's
// time); without it the tables show the validation accuracy recorded at the best epoch.
ReportContents gatherReportContents(const std::vector<std::filesystem::path>& folders, bool measureTest,
                                    const std::function<void(const std::string&)>& progress);

}  // namespace learn2add::infer
