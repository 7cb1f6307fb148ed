#pragma once
// The algebra probes figure (infer/AlgebraProbes.h), the one painter of it (window, CLI): for each
// probe shown, a grid of the judge's agreement per input digit (rows) and total addend (columns),
// each cell coloured from red (0%) through yellow to green (100%) with its percentage, empty where
// the probe has no cell; the probe's name, what it compares and its overall agreement above it.
//
//   paintProbeGrids(painter, rect, probes, {ProbeKind::Composition}, FigureInk{});

#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

#include "infer/ProbeTables.h"
#include "report/ReportCharts.h"

class QPainter;

namespace learn2add::ui {

enum class ProbeKind { Identity, Composition, Commutation };

const infer::ProbeTable& probeTable(const infer::AlgebraProbes& probes, ProbeKind kind);
QString probeName(ProbeKind kind);      // "composition"
QString probeCompares(ProbeKind kind);  // "f(f(x, a), b) ~ f(x, a + b)"

// The grids of `kinds` side by side in `area`.
void paintProbeGrids(QPainter& painter, const QRectF& area, const infer::AlgebraProbes& probes,
                     const std::vector<ProbeKind>& kinds, const FigureInk& ink = {});
// The natural size (units) of `count` grids side by side (CLI).
QSizeF probeGridsSize(int count);

}  // namespace learn2add::ui
