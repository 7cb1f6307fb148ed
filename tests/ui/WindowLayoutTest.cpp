// Every page and tab of the window at laptop size (1280x720), with the shipped models open where
// the app ships them: the window fits, no page scrolls sideways, and no label, button or combo box
// cuts its text (measured with the widget's own QFontMetrics).
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStyleOptionComboBox>
#include <QTabWidget>
#include <QTest>
#include <QTextDocument>
#include <string>
#include <vector>

#include "addition/AdditionPage.h"
#include "autoencoder/AutoencoderPage.h"
#include "comparison/ComparisonPage.h"
#include "shell/MainWindow.h"
#include "ui/QtTestMain.h"
#include "ui/UiTestSupport.h"

namespace learn2add::ui {
namespace {

std::string describe(const QWidget& widget, const QString& text) {
    return std::string(widget.metaObject()->className()) + " \"" + text.toStdString() + "\" (" +
           std::to_string(widget.width()) + " px wide)";
}

// The widest line of `text` as `widget` draws it, rich text laid out as a QLabel would.
int textWidth(const QWidget& widget, const QString& text, bool rich) {
    if (rich) {
        QTextDocument document;
        document.setDefaultFont(widget.font());
        document.setDocumentMargin(0);
        document.setHtml(text);
        return static_cast<int>(document.idealWidth());
    }
    int width = 0;
    for (const QString& line : text.split('\n')) {
        width = std::max(width, widget.fontMetrics().horizontalAdvance(line));
    }
    return width;
}

// What does not fit in `root`'s visible widgets.
std::vector<std::string> clippedTexts(const QWidget& window, const QWidget& root) {
    std::vector<std::string> clipped;
    for (const QLabel* label : root.findChildren<QLabel*>()) {
        if (!label->isVisibleTo(&window) || label->text().isEmpty() || label->wordWrap()) continue;
        const bool rich = label->textFormat() == Qt::RichText ||
                          (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
        const int room = label->contentsRect().width() - 2 * label->margin() -
                         std::max(0, label->indent());
        if (textWidth(*label, label->text(), rich) > room + 1) {
            clipped.push_back(describe(*label, label->text()));
        }
    }
    for (const QAbstractButton* button : root.findChildren<QAbstractButton*>()) {
        if (!button->isVisibleTo(&window) || button->text().isEmpty()) continue;
        const bool textButton = qobject_cast<const QPushButton*>(button) ||
                                qobject_cast<const QCheckBox*>(button) ||
                                qobject_cast<const QRadioButton*>(button);
        const QString text = QString(button->text()).remove('&');  // mnemonics are not drawn
        const int textWidth = button->fontMetrics().horizontalAdvance(text);
        // The room the style gives a push button's label, or the size hint of a box's.
        int room = button->width() - (button->sizeHint().width() - textWidth);
        if (qobject_cast<const QPushButton*>(button)) {
            QStyleOptionButton option;
            option.initFrom(button);
            option.text = text;
            room = button->style()
                       ->subElementRect(QStyle::SE_PushButtonContents, &option, button)
                       .width();
        }
        if (textButton && textWidth > room + 1) {
            clipped.push_back(describe(*button, button->text()));
        }
    }
    for (QComboBox* box : root.findChildren<QComboBox*>()) {
        if (!box->isVisibleTo(&window) || box->currentText().isEmpty() || box->isEditable()) continue;
        QStyleOptionComboBox option;
        option.initFrom(box);
        option.editable = false;
        option.currentText = box->currentText();
        const QRect field = box->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                         QStyle::SC_ComboBoxEditField, box);
        if (box->fontMetrics().horizontalAdvance(box->currentText()) > field.width() + 1) {
            clipped.push_back(describe(*box, box->currentText()));
        }
    }
    return clipped;
}

TEST(WindowLayout, EveryPageFitsALaptopScreenWithNoTextCut) {
    MainWindow window({});
    window.openShippedModels();  // their texts (run names, accuracies) are the longest ones
    window.resize(1280, 720);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(testing::waitUntil([&] { return window.loadedData() != nullptr; }, 20000));
    QTest::qWait(1500);  // the shipped models open and answer on their threads

    EXPECT_LE(window.minimumSizeHint().width(), 1280);
    EXPECT_LE(window.minimumSizeHint().height(), 720);
    struct Place {
        const char* page;
        QTabWidget* tabs;
    };
    const std::vector<Place> places = {{"Data", nullptr},
                                       {"Autoencoder", window.autoencoderPage()->tabs()},
                                       {"Addition", window.additionPage()->tabs()},
                                       {"Compare", window.comparisonPage()->tabs()}};
    for (const Place& place : places) {
        ASSERT_TRUE(window.showPage(place.page));
        const int tabCount = place.tabs ? place.tabs->count() : 1;
        for (int tab = 0; tab < tabCount; ++tab) {
            if (place.tabs) place.tabs->setCurrentIndex(tab);
            const std::string where =
                std::string(place.page) +
                (place.tabs ? " / " + place.tabs->tabText(tab).toStdString() : std::string());
            SCOPED_TRACE(where);
            QTest::qWait(200);  // layouts settle, answers for the new tab arrive
            EXPECT_EQ(window.width(), 1280);
            EXPECT_EQ(window.height(), 720);
            const auto* scroll = qobject_cast<QScrollArea*>(window.currentPage()->parentWidget()
                                                                ->parentWidget());
            ASSERT_NE(scroll, nullptr);
            EXPECT_EQ(scroll->horizontalScrollBar()->maximum(), 0) << "the page scrolls sideways";
            for (const std::string& text : clippedTexts(window, *window.currentPage())) {
                ADD_FAILURE() << "cut: " << text;
            }
        }
    }
}

}  // namespace
}  // namespace learn2add::ui

