#pragma once
// One algebra probe's agreement per input digit and total addend on screen, painted by the one
// probe painter that the CLI uses too (report/ProbeChart.h: paintProbeGrids) in the palette's ink.
// Exportable as a figure. GUI thread only.
//
//   auto* grid = new ProbeGridView;
//   grid->showProbes(measured);
//   grid->setKind(ProbeKind::Commutation);

#include <QWidget>
#include <optional>

#include "report/ProbeChart.h"

namespace learn2add::ui {

class ProbeGridView : public QWidget {
    Q_OBJECT
public:
    explicit ProbeGridView(QWidget* parent = nullptr);

    void showProbes(const infer::AlgebraProbes& probes);
    void clear();
    void setKind(ProbeKind kind);
    ProbeKind kind() const { return kind_; }
    const std::optional<infer::AlgebraProbes>& probes() const { return probes_; }

    QSize sizeHint() const override { return {520, 380}; }
    QSize minimumSizeHint() const override { return {300, 240}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<infer::AlgebraProbes> probes_;
    ProbeKind kind_ = ProbeKind::Composition;
};

}  // namespace learn2add::ui
