#include "ui/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ads::ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel)
{
    setObjectName(QStringLiteral("messageBanner"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *dismiss = new QToolButton;
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss message"));
    connect(dismiss, &QToolButton::clicked, this, &QWidget::hide);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showError(const QString &text)
{
    showMessage(text,
                QStringLiteral("#messageBanner { background: #fdecea; border: 1px solid #e0a8a3; }"
                               "QLabel { color: #7f1d1d; }"));
}

void MessageBanner::showInfo(const QString &text)
{
    showMessage(text,
                QStringLiteral("#messageBanner { background: #e8f1fb; border: 1px solid #a9c4e6; }"
                               "QLabel { color: #1c3d63; }"));
}

void MessageBanner::showMessage(const QString &text, const QString &style)
{
    setStyleSheet(style);
    m_text->setText(text);
    show();
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace ads::ui
