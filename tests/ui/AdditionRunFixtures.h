#pragma once
// Tiny Part III runs for the Qt tests, trained once per ctest invocation (common/SharedRuns.h): a
// judge run and an addition run (1 epoch of 3 batches each, on the small data), so the Addition
// page has something real to open. Compiled with QT_NO_KEYWORDS (it includes LibTorch's model
// headers).

#include <QString>
#include <memory>

#include "data/LoadedData.h"

namespace learn2add::testing {

struct TinyAdditionRuns {
    QString judge;     // a judge run folder
    QString addition;  // an addition run folder
    QString empty;     // an existing folder that is not a run
};

const TinyAdditionRuns& tinyAdditionRuns();

// For the Compare page (Part IV): a judge and one run of each addition variant, trained for a
// couple of batches without warm-ups on tinyComparisonData(), on one thread (about 5 s in all; two
// threads on a busy two-core machine took four times longer). The models are barely trained: the
// page's tests need runs of the right kinds, not good ones.
struct TinyComparisonRuns {
    QString judge;
    QString addition;     // an addition run (AE + P)
    QString variational;  // a vae-addition run (VAE + P)
    QString generative;   // a vae-genp-addition run (VAE + generative P)
    QString empty;        // an existing folder that is not a run
};

const TinyComparisonRuns& tinyComparisonRuns();

// 200 train, 50 validation and 120 test digits of the embedded subset, evenly spaced.
std::shared_ptr<const ui::LoadedData> tinyComparisonData();

}  // namespace learn2add::testing
