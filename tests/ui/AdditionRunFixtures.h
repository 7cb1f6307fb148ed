#pragma once
// Tiny Part III runs for the Qt tests, written once per process into a temporary folder: a judge
// run and an addition run (1 epoch of 3 batches each, on the small data), so the Addition page has
// something real to open. Compiled with QT_NO_KEYWORDS (it includes LibTorch's model headers).

#include <QString>

namespace learn2add::testing {

struct TinyAdditionRuns {
    QString judge;     // a judge run folder
    QString addition;  // an addition run folder
    QString empty;     // an existing folder that is not a run
};

const TinyAdditionRuns& tinyAdditionRuns();

}  // namespace learn2add::testing
