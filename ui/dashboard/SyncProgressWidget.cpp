#include "ui/dashboard/SyncProgressWidget.h"

#include "core/services/ChangeNotifier.h"
#include "ui/Background.h"
#include "ui/Logging.h"
#include "ui/Presentation.h"
#include "ui/dashboard/FreshnessPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

namespace ads::ui {

using namespace ads::core;

SyncProgressWidget::SyncProgressWidget(SyncService *sync, ChangeNotifier *notifier, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_label(new QLabel)
    , m_progress(new QProgressBar)
    , m_button(new QToolButton)
{
    setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_button->setText(tr("Sync now"));
    m_button->setObjectName(QStringLiteral("syncNowButton"));
    const QIcon reload = style()->standardIcon(QStyle::SP_BrowserReload);
    m_button->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh"), reload));
    m_button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_button->setAutoRaise(true);
    m_button->setEnabled(sync != nullptr);
    m_label->setText(sync ? tr("Reading sync state…") : tr("Sync is off"));

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_label);
    row->addWidget(m_progress);
    row->addWidget(m_button);

    connect(m_button, &QToolButton::clicked, this, &SyncProgressWidget::requestSync);
    if (!sync)
        return;
    // These arrive on the sync worker's thread; queued so the widgets are touched here only.
    connect(notifier, &ChangeNotifier::syncStateChanged, this, &SyncProgressWidget::refresh, Qt::QueuedConnection);
    connect(sync, &SyncService::syncStarted, this, &SyncProgressWidget::refresh, Qt::QueuedConnection);
    connect(sync, &SyncService::syncFinished, this, &SyncProgressWidget::refresh, Qt::QueuedConnection);
    connect(sync, &SyncService::platformSynced, this, &SyncProgressWidget::refresh, Qt::QueuedConnection);
    refresh();
}

QString SyncProgressWidget::text() const
{
    return m_label->text();
}

void SyncProgressWidget::requestSync()
{
    if (!m_sync)
        return;
    qCInfo(lcUiMain) << "sync requested from the window";
    m_sync->requestSync(); // returns at once; progress arrives through the signals
    emit syncRequested();
    refresh();
}

void SyncProgressWidget::refresh()
{
    if (!m_sync)
        return;
    const SyncService *sync = m_sync;
    const quint64 generation = ++m_generation;
    runInBackground(this, [sync] { return sync->status(); }, [this, generation](const SyncStatus &status) {
        if (generation != m_generation)
            return; // a newer read is on its way
        showStatus(status);
        emit statusShown();
    });
}

void SyncProgressWidget::showStatus(const SyncStatus &status)
{
    m_button->setEnabled(!status.running);
    m_progress->setVisible(status.running);
    if (!status.running) {
        m_label->setText(idleText(status));
        return;
    }

    // Until the sync knows how many platforms it reads, the bar only says that it is busy.
    if (status.platformsTotal <= 0) {
        m_progress->setRange(0, 0);
        m_label->setText(tr("Syncing…"));
        return;
    }
    m_progress->setRange(0, status.platformsTotal);
    m_progress->setValue(status.platformsDone);
    m_label->setText(tr("Syncing %1 of %2 platforms…")
                         .arg(std::min(status.platformsDone + 1, status.platformsTotal))
                         .arg(status.platformsTotal));
}

QString SyncProgressWidget::idleText(const SyncStatus &status)
{
    QDateTime last;
    QStringList failures;
    for (auto it = status.platforms.begin(); it != status.platforms.end(); ++it) {
        if (it->lastSuccessAt.isValid() && (!last.isValid() || it->lastSuccessAt > last))
            last = it->lastSuccessAt;
        if (lastSyncFailed(it.value()))
            failures.append(tr("%1: %2").arg(Presentation::platformTitle(it.key()), it->lastError));
    }

    QString text = last.isValid() ? tr("Last sync %1").arg(Presentation::timestamp(last)) : tr("Not synced yet");
    if (!failures.isEmpty())
        text = tr("%1 — failed for %2").arg(text, failures.join(QStringLiteral("; ")));
    return text;
}

} // namespace ads::ui
