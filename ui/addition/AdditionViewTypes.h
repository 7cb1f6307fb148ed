#pragma once
// The plain values that the Addition page and its workers exchange across threads (no tensors):
// an input digit as bytes, the requests of the explorer and their results, a judge-marked
// digit-by-addend grid as a QImage, and the training reports of Part III. Declared to Qt's
// meta-type system by registerAdditionMetaTypes() (idempotent, thread-safe).
//
//   AdditionInput input = AdditionInput::fromDigitSet(data.test, 17);   // a test image
//   OutputRequest request{.input = input, .addend = 1.5};

#include <QImage>
#include <QMetaType>
#include <QString>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/DigitSet.h"
#include "data/HeldOutCells.h"
#include "infer/InferenceSettings.h"
#include "infer/MorphSettings.h"
#include "infer/ProbeTables.h"
#include "report/FeatureMapChart.h"
#include "manifold/CodeManifoldTypes.h"

namespace learn2add::ui {

inline constexpr int kGridDigits = 10;

// A grey digit image (white on black, any size that resizes to the model's), with its digit when
// known (a test image) or -1 (drawn by hand).
struct AdditionInput {
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels;
    int digit = -1;

    bool empty() const { return pixels.empty(); }
    static AdditionInput fromDigitSet(const data::DigitSet& set, std::size_t index);
    static AdditionInput fromImage(const QImage& image, int digit = -1);  // converted to grey
    QImage toImage() const;
};

// The explorer's main request: the input plus one addend.
struct OutputRequest {
    quint64 sequence = 0;
    AdditionInput input;
    double addend = 0.0;
};

struct OutputResult {
    quint64 sequence = 0;
    double addend = 0.0;
    QImage image;                      // the generated image at the model's size
    std::vector<float> probabilities;  // the judge's 10 class probabilities; empty without judge
    int read = -1;                     // the judge's digit; -1 without judge
};

// The slower views of one input: the assignment's strip, a sweep strip and the transition plot.
struct StudyRequest {
    quint64 sequence = 0;
    AdditionInput input;
    infer::InputStudySettings settings;  // the strip, sweep and transition addends
};

struct StudyTile {
    double addend = 0.0;
    QImage image;
    int read = -1;  // -1 without judge
};

struct StudyResult {
    quint64 sequence = 0;
    std::vector<StudyTile> strip;
    std::vector<StudyTile> sweep;
    std::vector<double> transitionAddends;
    // [digit][point]: the judge's probability of the digit; empty without judge.
    std::array<std::vector<double>, kGridDigits> transition;
};

// The digit-by-addend grid of ASSIGNMENT.md Part III.6, ready to draw.
struct GridPicture {
    int cellSize = 32;
    QImage canvas;  // 10 x cellSize square, grey, no margins; null when there is no grid yet
    // [digit][addend]: the digit the judge read, -1 where there is no cell or no judge.
    std::array<std::array<int, kGridDigits>, kGridDigits> read{};
    bool judged = false;
    int correct = 0;  // cells read as digit + addend
    int epoch = 0;    // the training epoch that drew it; 0 for an opened run
    data::HeldOutCells heldOut;  // cells the model's training left out (marked dashed)

    static bool hasCell(int digit, int addend) {
        return digit >= 0 && addend >= 0 && digit + addend < kGridDigits;
    }
    int judgedCells() const;  // cells with a reading
};

struct GridRequest {
    quint64 sequence = 0;
    std::array<AdditionInput, kGridDigits> inputs;  // one per digit 0..9
};

// A morph of one input into another through the code space (infer/CodeMorph.h).
struct MorphRequest {
    quint64 sequence = 0;
    AdditionInput from, to;            // their digits (when known) give the sums' addends
    infer::MorphSettings settings;
};

struct MorphPicture {
    quint64 sequence = 0;
    std::vector<StudyTile> morph;      // addend: t
    std::vector<StudyTile> sums;       // addend: u; empty when the digits do not go up
    double meanL2 = -1.0;              // between the rows at equal t; -1 without sums
};

// One t of the morph (the slider).
struct MorphPoint {
    quint64 sequence = 0;
    double t = 0.0;
    QImage image;
    int read = -1;
};

// The feature maps of an input and addend (infer/FeatureMaps.h), ready to draw.
struct FeatureMapPicture {
    quint64 sequence = 0;
    FeatureMapChart chart;
};

// The algebra probes of the model, read by the judge (infer/AlgebraProbes.h), measured a digit at a
// time in the background.
struct ProbesProgress {
    quint64 sequence = 0;
    int digitsDone = 0;  // of 10
};

struct ProbesPicture {
    quint64 sequence = 0;
    infer::AlgebraProbes probes;
    double seconds = 0.0;  // the measurement's time, from the first digit to the last
};

// What an opened run is, for labels.
struct OpenedRunInfo {
    QString folder;
    QString description;         // e.g. "upsample · code 7 · epoch 12 of 100"
    double testAccuracy = -1.0;  // judge runs: as measured when trained
    // Addition runs: metrics.csv, a row per epoch (column -> value); empty when it is unreadable.
    std::vector<std::map<std::string, double>> metrics;
};

// Part III training, as plain values.
struct AdditionLossValues {
    double total = 0.0, reconstruction = 0.0, generation = 0.0, code = 0.0;
    double digit = 0.0;  // the guided recipe's digit probe (0 when off)
    double kl = 0.0;     // variational encoders' KL term (0 otherwise)
};

struct AdditionBatchValues {
    int epoch = 0, epochs = 0, batch = 0, batchesPerEpoch = 0;
    double elapsedSeconds = 0.0, etaSeconds = 0.0;
    AdditionLossValues terms;
    double codeSpread = 0.0;
};

struct AdditionEpochValues {
    int epoch = 0, epochs = 0;
    AdditionLossValues train, validation;
    double trainCodeSpread = 0.0;  // mean over the epoch's batches
    double validationCodeSpread = 0.0;
    double validationAccuracy = -1.0;  // -1 without judge
    GridPicture grid;
    double seconds = 0.0;
    bool improved = false;
    int bestEpoch = 0;
};

struct AdditionTrainingOutcome {
    QString status;  // "finished", "cancelled", "early-stopped", "diverged"
    QString message;
    int epochsRun = 0;
    int bestEpoch = 0;
    double bestValidationAccuracy = -1.0;
};

void registerAdditionMetaTypes();

}  // namespace learn2add::ui

Q_DECLARE_METATYPE(learn2add::ui::OutputResult)
Q_DECLARE_METATYPE(learn2add::ui::StudyResult)
Q_DECLARE_METATYPE(learn2add::ui::GridPicture)
Q_DECLARE_METATYPE(learn2add::ui::MorphPicture)
Q_DECLARE_METATYPE(learn2add::ui::MorphPoint)
Q_DECLARE_METATYPE(learn2add::ui::FeatureMapPicture)
Q_DECLARE_METATYPE(learn2add::ui::ProbesProgress)
Q_DECLARE_METATYPE(learn2add::ui::ProbesPicture)
Q_DECLARE_METATYPE(learn2add::ui::OpenedRunInfo)
Q_DECLARE_METATYPE(learn2add::ui::AdditionBatchValues)
Q_DECLARE_METATYPE(learn2add::ui::AdditionEpochValues)
Q_DECLARE_METATYPE(learn2add::ui::AdditionTrainingOutcome)
