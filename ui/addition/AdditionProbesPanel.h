#pragma once
// The Addition page's algebra probes (infer/AlgebraProbes.h): what "adding" learned beyond the
// assignment's questions, read by the judge on test images: identity f(x, 0) ~ x, composition
// f(f(x, a), b) ~ f(x, a + b) and commutation f(f(x, a), b) ~ f(f(x, b), a). A summary row per
// probe (judge agreement, L2 per pixel, pairs) and, for the chosen probe, the agreement per input
// digit and total addend as a coloured grid (report/ProbeChart.h, the painter of the CLI's figure). The same measurement as `learn2add-cli probe`.
//
// Threads: GUI thread only. The measurement is a background request to the AdditionInference (a
// digit per step), made when the panel is first shown for a model and judge, or on "Measure".
//
//   auto* probes = new AdditionProbesPanel(inference);
//   probes->setData(data);

#include <memory>
#include <optional>

#include "addition/AdditionViewTypes.h"
#include "data/LoadedData.h"
#include "widgets/OnDemandPanel.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace learn2add::ui {

class AdditionInference;
class ProbeGridView;

class AdditionProbesPanel : public OnDemandPanel {
    Q_OBJECT
public:
    explicit AdditionProbesPanel(AdditionInference* inference, QWidget* parent = nullptr);

    void setData(std::shared_ptr<const LoadedData> data);
    // Measures again with the images per digit of the form; false without a model and a judge.
    bool measure();

    // Exposed for tests and screenshots.
    QSpinBox* imagesBox() const { return images_; }
    QPushButton* measureButton() const { return measure_; }
    QLabel* statusLabel() const { return status_; }
    QTableWidget* summaryTable() const { return summary_; }
    QComboBox* probeBox() const { return probe_; }
    ProbeGridView* gridView() const { return grid_; }
    const std::optional<infer::AlgebraProbes>& shownProbes() const { return probes_; }
    quint64 lastRequestedProbes() const { return requested_; }

protected:
    bool requestAll() override;

private:
    void showProgress(const ProbesProgress& progress);
    void showProbes(const ProbesPicture& picture);

    AdditionInference* inference_;
    std::shared_ptr<const LoadedData> data_;
    quint64 requested_ = 0;
    std::optional<infer::AlgebraProbes> probes_;

    QSpinBox* images_ = nullptr;
    QPushButton* measure_ = nullptr;
    QLabel* status_ = nullptr;
    QTableWidget* summary_ = nullptr;
    QComboBox* probe_ = nullptr;
    ProbeGridView* grid_ = nullptr;
};

}  // namespace learn2add::ui
