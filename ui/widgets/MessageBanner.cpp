#include "widgets/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace learn2add::ui {

MessageBanner::MessageBanner(QWidget* parent) : QFrame(parent) {
    setObjectName("messageBanner");
    label_ = new QLabel;
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A message with a long path (one "word") wraps where it can and never widens the window.
    label_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* close = new QToolButton;
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(label_, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(const QString& text, Kind kind) {
    kind_ = kind;
    label_->setText(text);
    setStyleSheet(kind == Kind::Error
                      ? "#messageBanner { background: #fde8e8; border: 1px solid #e0a0a0; }"
                      : "#messageBanner { background: #e8f0fd; border: 1px solid #a0b8e0; }");
    show();
}

QString MessageBanner::text() const { return label_->text(); }

}  // namespace learn2add::ui
