#pragma once

#include <QFrame>

class QLabel;

namespace ads::ui {

/** A dismissable line above the content for outcomes the buyer should read but not click away. */
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    explicit MessageBanner(QWidget *parent = nullptr);

    void showError(const QString &text);
    void showInfo(const QString &text);
    QString text() const;

private:
    void showMessage(const QString &text, const QString &style);

    QLabel *m_text;
};

} // namespace ads::ui
