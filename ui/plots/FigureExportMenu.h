#pragma once
// The "Export figure" menu: lists, by name, the exportable figures (makeExportable) that are
// visible on the current page, and exports the chosen one through exportFigureInteractively() (PNG,
// SVG or PDF from the file name). addTo() puts it on a main window's toolbar as a button with text
// and gives it the Ctrl+E shortcut, which pops the menu under the button. GUI thread only.
//
//   auto* figures = new FigureExportMenu([this] { return pages_->currentWidget(); }, this);
//   figures->addTo(*this);

#include <QMenu>
#include <functional>

class QMainWindow;
class QToolButton;

namespace learn2add::ui {

class FigureExportMenu : public QMenu {
    Q_OBJECT
public:
    // `currentPage` returns the widget whose figures are listed (null: none).
    explicit FigureExportMenu(std::function<QWidget*()> currentPage, QWidget* parent = nullptr);

    // Adds a "Figures" toolbar to `window` (or uses the first one it has) with the button, and the
    // Ctrl+E action that pops the menu.
    void addTo(QMainWindow& window);

    // Rebuilds the entries for the current page (also done each time the menu is about to show).
    void refresh();
    QToolButton* button() const { return button_; }
    QAction* shortcutAction() const { return shortcut_; }

private:
    std::function<QWidget*()> currentPage_;
    QToolButton* button_ = nullptr;
    QAction* shortcut_ = nullptr;
};

}  // namespace learn2add::ui
