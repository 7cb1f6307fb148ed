#include "plots/FigureExportMenu.h"

#include <QAction>
#include <QMainWindow>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

#include "plots/FigureExport.h"

namespace learn2add::ui {

FigureExportMenu::FigureExportMenu(std::function<QWidget*()> currentPage, QWidget* parent)
    : QMenu(parent), currentPage_(std::move(currentPage)) {
    setTitle(tr("E&xport figure"));
    setIcon(QIcon::fromTheme(QStringLiteral("document-save-as"),
                             style()->standardIcon(QStyle::SP_DialogSaveButton)));
    menuAction()->setToolTip(
        tr("Export a plot or image of this page as PNG (2x), SVG or PDF (Ctrl+E); right-click a "
           "figure for the same"));
    connect(this, &QMenu::aboutToShow, this, &FigureExportMenu::refresh);
}

void FigureExportMenu::refresh() {
    clear();
    QWidget* page = currentPage_ ? currentPage_() : nullptr;
    const QList<QWidget*> figures = page ? exportableFigures(*page) : QList<QWidget*>();
    for (QWidget* figure : figures) {
        QString name = figureName(*figure);
        addAction(name.replace('&', QStringLiteral("&&")) + QStringLiteral("…"), figure,
                  [figure] { exportFigureInteractively(*figure, std::nullopt); });
    }
    if (figures.isEmpty()) addAction(tr("(no figure on this page)"))->setEnabled(false);
}

void FigureExportMenu::addTo(QMainWindow& window) {
    QToolBar* toolbar = window.findChild<QToolBar*>();
    if (!toolbar) {
        toolbar = window.addToolBar(tr("Figures"));
        toolbar->setObjectName(QStringLiteral("figuresToolBar"));
    }
    button_ = new QToolButton;
    button_->setDefaultAction(menuAction());
    button_->setPopupMode(QToolButton::InstantPopup);
    button_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addWidget(button_);

    shortcut_ = new QAction(tr("Export figure…"), &window);
    shortcut_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    shortcut_->setShortcutContext(Qt::WindowShortcut);
    connect(shortcut_, &QAction::triggered, this,
            [this] { popup(button_->mapToGlobal(QPoint(0, button_->height()))); });
    window.addAction(shortcut_);
}

}  // namespace learn2add::ui
