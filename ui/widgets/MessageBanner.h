#pragma once
// A strip at the top of the window that shows an error or a notice in words, without a modal
// dialog, until the user closes it or another message replaces it. GUI thread only.

#include <QFrame>

class QLabel;

namespace learn2add::ui {

class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Error, Notice };
    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind);
    QString text() const;
    Kind kind() const { return kind_; }

private:
    QLabel* label_ = nullptr;
    Kind kind_ = Kind::Notice;
};

}  // namespace learn2add::ui
