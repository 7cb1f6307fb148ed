#pragma once
// The plain values that the Compare page and its worker exchange across threads (no tensors): what
// an opened run is, the page's two requests (the addend view and the per-input study) and their
// answers, and what is computed once per run (validation codes in 2D, the grid, the accuracy).
// Declared to Qt's meta-type system by registerComparisonMetaTypes() (idempotent, thread-safe).
//
//   ComparisonViewRequest request{.input = input, .settings = {.addend = 1.5, .samples = 8}};
//   for (const ModelView& row : view.rows) show(row.slot, row.mean, row.read);

#include <QImage>
#include <QMetaType>
#include <QString>
#include <cstdint>
#include <vector>

#include "addition/AdditionViewTypes.h"
#include "infer/InferenceSettings.h"

namespace learn2add::ui {

// The page compares three addition models (slots 0..2) read by one judge.
inline constexpr int kComparisonSlots = 3;
inline constexpr int kJudgeSlot = -1;

struct ComparisonRunInfo {
    int slot = 0;  // 0..2, or kJudgeSlot
    QString folder;
    QString kind;              // "addition", "vae-addition", "vae-genp-addition" or "judge"
    QString displayName;       // "AE + P", "VAE + P", "VAE + generative P" or "Judge"
    QString description;       // e.g. "upsample · code 7 · best epoch 12"
    bool variational = false;  // samples exist (a variational encoder and/or a generative P)
    bool generative = false;   // P itself is a distribution
    int codeSize = 0;
};

// The view that follows the addend slider.
struct ComparisonViewRequest {
    quint64 sequence = 0;
    AdditionInput input;
    infer::ComparisonSettings settings;  // the addend, K samples and their seed
};

// One model's answer to a view request.
struct ModelView {
    int slot = 0;
    QImage mean;    // the mean-mode output (deterministic)
    int read = -1;  // the judge's digit; -1 without judge
    double readProbability = 0.0;
    double expectedDigit = -1.0;   // sum_d p_d * d; -1 without judge
    std::vector<QImage> samples;   // K samples; empty for a deterministic model
    std::vector<int> sampleReads;  // the judge's digit per sample; empty without judge
    QImage sampleMean;             // per-pixel mean of the samples
    QImage sampleSpread;      // per-pixel standard deviation, white = ComparisonView::spreadScale
    double spreadMean = 0.0;  // the standard deviation averaged over the pixels
    bool hasLatentPoint = false;  // P's code at this addend, projected as the slot's LatentCodes
    double latentX = 0.0, latentY = 0.0;
};

struct ComparisonView {
    quint64 sequence = 0;
    double addend = 0.0;
    int samples = 0;
    double spreadScale = 0.0;  // the standard deviation drawn white, shared by all rows
    double seconds = 0.0;      // compute time on the worker
    std::vector<ModelView> rows;
};

// What depends on the input alone: the fixed strip, the transition curve and P's path in the
// latent plane.
struct ComparisonStudyRequest {
    quint64 sequence = 0;
    AdditionInput input;
    infer::ComparisonStudySettings settings;  // the strip, transition and path addends
};

struct ModelStudy {
    int slot = 0;
    std::vector<StudyTile> strip;
    std::vector<double> stripExpected;  // the judge's expected digit per strip tile
    std::vector<double> expectedDigit;  // per transition point; empty without judge
    std::vector<double> pathAddends;    // the latent path; empty before the codes are projected
    std::vector<double> pathX, pathY;
};

struct ComparisonStudy {
    quint64 sequence = 0;
    int digit = -1;  // the input's digit; -1 for an unknown (drawn) digit
    std::vector<double> transitionAddends;
    std::vector<ModelStudy> models;
};

// Validation codes in 2D: the code itself for code size 2, its first two principal components
// otherwise.
struct LatentCodes {
    int slot = 0;
    std::vector<float> codes2d;  // x0, y0, x1, y1, ...
    std::vector<std::uint8_t> labels;
    QString axes;  // e.g. "PCA of the 7-d codes: 61% of the variance"
};

struct ModelGrid {
    int slot = 0;
    GridPicture grid;
};

// The addition accuracy over the test split (every image of digit d with each integer addend
// a <= 9 - d), read by the judge. Sent after every chunk of images: the share so far, until
// `complete`.
struct ModelAccuracy {
    int slot = 0;
    double overall = 0.0;
    qint64 pairs = 0;
    qint64 imagesDone = 0, imagesTotal = 0;
    bool complete = false;
};

void registerComparisonMetaTypes();

}  // namespace learn2add::ui

Q_DECLARE_METATYPE(learn2add::ui::ComparisonRunInfo)
Q_DECLARE_METATYPE(learn2add::ui::ComparisonView)
Q_DECLARE_METATYPE(learn2add::ui::ComparisonStudy)
Q_DECLARE_METATYPE(learn2add::ui::LatentCodes)
Q_DECLARE_METATYPE(learn2add::ui::ModelGrid)
Q_DECLARE_METATYPE(learn2add::ui::ModelAccuracy)
