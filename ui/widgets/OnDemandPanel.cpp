#include "widgets/OnDemandPanel.h"

namespace learn2add::ui {

void OnDemandPanel::refresh() {
    stale_ = true;
    if (isVisible()) stale_ = !requestAll();
}

void OnDemandPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) stale_ = !requestAll();
}

}  // namespace learn2add::ui
