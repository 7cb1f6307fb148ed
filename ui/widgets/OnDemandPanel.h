#pragma once
// A panel whose content a worker computes only while it is shown (the Addition page's tabs of
// what the model learned): refresh() after the model, judge or data changed asks now when the
// panel is shown and otherwise when it is next shown; nothing is computed for a hidden tab.
// GUI thread only.
//
//   class ManifoldPanel : public OnDemandPanel {
//       bool requestAll() override { ...post the requests...; return true; }
//   };

#include <QWidget>

namespace learn2add::ui {

class OnDemandPanel : public QWidget {
public:
    using QWidget::QWidget;

    // What is shown is out of date: asked for again now if shown, else when shown.
    void refresh();

protected:
    // Asks for everything the panel shows; false when there is nothing to ask with yet (no model,
    // no input), so that the next refresh() or show asks again.
    virtual bool requestAll() = 0;
    void showEvent(QShowEvent* event) override;

private:
    bool stale_ = true;
};

}  // namespace learn2add::ui
