#include "ui/settings/SettingsDialog.h"

#include "ui/Logging.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ads::ui {

SettingsDialog::SettingsDialog(const QString &apiUrl,
                               const QString &jwtSecret,
                               std::function<QString()> mintToken,
                               QWidget *parent)
    : QDialog(parent)
    , m_mintToken(std::move(mintToken))
    , m_url(new QLineEdit(apiUrl))
    , m_secret(new QLineEdit(jwtSecret))
    , m_showSecret(new QPushButton(tr("&Show")))
    , m_feedback(new QLabel)
{
    setWindowTitle(tr("Settings"));
    const bool running = !apiUrl.isEmpty();

    m_url->setReadOnly(true);
    m_url->setObjectName(QStringLiteral("apiUrl"));
    if (!running)
        m_url->setPlaceholderText(tr("The local API is not running."));
    auto *copyUrl = new QPushButton(tr("Copy &address"));
    copyUrl->setEnabled(running);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(copyUrl);

    // Shoulder-surfing and screen sharing: the secret stays dotted until asked for.
    m_secret->setReadOnly(true);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setObjectName(QStringLiteral("jwtSecret"));
    m_showSecret->setCheckable(true);
    m_showSecret->setObjectName(QStringLiteral("showSecret"));
    auto *copySecret = new QPushButton(tr("Co&py"));
    copySecret->setObjectName(QStringLiteral("copySecret"));
    copySecret->setEnabled(!jwtSecret.isEmpty());
    m_showSecret->setEnabled(!jwtSecret.isEmpty());
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_showSecret);
    secretRow->addWidget(copySecret);

    auto *copyToken = new QPushButton(tr("Copy a &token"));
    copyToken->setObjectName(QStringLiteral("copyToken"));
    copyToken->setEnabled(running && bool(m_mintToken));
    copyToken->setToolTip(
        tr("Copies a new bearer token for the local API, to paste into your CRM."));

    auto *form = new QFormLayout;
    auto *urlLabel = new QLabel(tr("&Local API:"));
    urlLabel->setBuddy(m_url);
    auto *secretLabel = new QLabel(tr("Token si&gning secret:"));
    secretLabel->setBuddy(m_secret);
    form->addRow(urlLabel, urlRow);
    form->addRow(secretLabel, secretRow);
    form->addRow(QString(), copyToken);

    auto *note = new QLabel(
        tr("Anything that holds the secret or a token can read and change your campaigns "
           "through the local API. Share them only with tools you trust."));
    note->setWordWrap(true);

    m_feedback->setWordWrap(true);
    m_feedback->setObjectName(QStringLiteral("feedback"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_feedback);
    layout->addWidget(buttons);

    connect(copyUrl, &QPushButton::clicked, this, &SettingsDialog::copyUrl);
    connect(m_showSecret, &QPushButton::clicked, this, &SettingsDialog::toggleSecret);
    connect(copySecret, &QPushButton::clicked, this, &SettingsDialog::copySecret);
    connect(copyToken, &QPushButton::clicked, this, &SettingsDialog::copyToken);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(520);
}

bool SettingsDialog::isSecretShown() const
{
    return m_secret->echoMode() == QLineEdit::Normal;
}

void SettingsDialog::toggleSecret()
{
    const bool show = !isSecretShown();
    m_secret->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    m_showSecret->setText(show ? tr("&Hide") : tr("&Show"));
    m_showSecret->setChecked(show);
}

void SettingsDialog::copyUrl()
{
    QApplication::clipboard()->setText(m_url->text());
    confirm(tr("The address was copied."));
}

void SettingsDialog::copySecret()
{
    // Limitation: the clipboard keeps the secret until something else is copied, and clipboard
    // managers may store it in their history; nothing here clears it afterwards.
    QApplication::clipboard()->setText(m_secret->text());
    qCInfo(lcUiSettings) << "JWT secret copied to the clipboard";
    confirm(tr("The secret was copied. Paste it only into a tool you trust."));
}

void SettingsDialog::copyToken()
{
    const QString token = m_mintToken();
    if (token.isEmpty()) {
        confirm(tr("No token could be made. Check that the local API is running."));
        return;
    }
    QApplication::clipboard()->setText(token);
    qCInfo(lcUiSettings) << "a new API token was copied to the clipboard";
    confirm(tr("A new token was copied. Paste it into your CRM's AdsDesk connection."));
}

void SettingsDialog::confirm(const QString &text)
{
    m_feedback->setText(text);
}

} // namespace ads::ui
