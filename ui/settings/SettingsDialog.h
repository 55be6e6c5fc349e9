#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ads::ui {

/**
 * How another tool on this machine reaches AdsDesk: the local API's address, the secret its
 * tokens are signed with, and a ready-made token to paste. The app passes these in because it
 * owns the API server and the keychain.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /** An empty apiUrl means the local API is not running; mintToken may then be empty too. */
    SettingsDialog(const QString &apiUrl,
                   const QString &jwtSecret,
                   std::function<QString()> mintToken,
                   QWidget *parent = nullptr);

    bool isSecretShown() const;

private:
    void toggleSecret();
    void copySecret();
    void copyToken();
    void copyUrl();
    void confirm(const QString &text);

    std::function<QString()> m_mintToken;
    QLineEdit *m_url;
    QLineEdit *m_secret;
    QPushButton *m_showSecret;
    QLabel *m_feedback;
};

} // namespace ads::ui
