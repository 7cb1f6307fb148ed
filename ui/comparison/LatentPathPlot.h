#pragma once
// One model's latent plane: its validation codes in 2D coloured by digit (a CodeScatterPlot), the
// path P's output code takes as the addend moves from 0 to 9 - d for the current input (a black
// line with a labelled dot at every integer addend: the digit the sum should be), and a ring at
// the code of the current addend (on its own buffered layer, so a slider drag redraws the ring
// alone). GUI thread only.
//
//   plot->showCodes(codes.codes2d, codes.labels, "VAE + P: PCA of the 7-d codes");
//   plot->showPath(study.pathX, study.pathY, study.pathAddends, 7);
//   plot->markCode(view.latentX, view.latentY);

#include <vector>

#include "plots/BufferedLayer.h"
#include "plots/CodeScatterPlot.h"

namespace learn2add::ui {

class LatentPathPlot : public CodeScatterPlot {
    Q_OBJECT
public:
    explicit LatentPathPlot(QWidget* parent = nullptr);

    // `digit` < 0 (a drawn input) labels the integer points with their addend instead of the sum.
    void showPath(const std::vector<double>& xs, const std::vector<double>& ys,
                  const std::vector<double>& addends, int digit);
    void clearPath();
    void markCode(double x, double y);
    void hideMark();

    int pathPointCount() const;
    bool hasMark() const;

private:
    void clearLabels();

    QCPCurve* path_ = nullptr;
    QCPGraph* integers_ = nullptr;
    std::vector<QCPItemText*> labels_;
    BufferedLayer markLayer_;
    QCPGraph* mark_ = nullptr;
};

}  // namespace learn2add::ui
