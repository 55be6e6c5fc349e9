#include "ui/dashboard/FreshnessPanel.h"

#include "ui/Presentation.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace ads::ui {

using namespace ads::core;

bool lastSyncFailed(const PlatformSyncState &state)
{
    return !state.lastError.isEmpty()
           && (!state.lastSuccessAt.isValid() || state.lastAttemptAt > state.lastSuccessAt);
}

FreshnessPanel::FreshnessPanel(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
    , m_empty(new QLabel(tr("No platform has been synced yet.")))
{
    setObjectName(QStringLiteral("freshnessPanel"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    m_grid->setColumnStretch(1, 1);
    m_grid->addWidget(m_empty, 0, 0, 1, 2);
}

void FreshnessPanel::showStatus(const SyncStatus &status, const QDateTime &now)
{
    m_empty->setVisible(status.platforms.isEmpty());
    for (auto it = status.platforms.begin(); it != status.platforms.end(); ++it)
        rowFor(it.key())->setText(freshnessText(it.value(), now));
}

QLabel *FreshnessPanel::rowFor(Platform platform)
{
    if (QLabel *existing = m_rows.value(platform))
        return existing;

    auto *name = new QLabel(Presentation::platformTitle(platform));
    name->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;")
                            .arg(Presentation::platformColor(platform).name()));
    auto *text = new QLabel;
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setObjectName(QStringLiteral("freshness_") + platformName(platform));

    // Rows follow the platforms' fixed order, whichever platform reports first.
    const int row = int(platform) + 1;
    m_grid->addWidget(name, row, 0, Qt::AlignTop);
    m_grid->addWidget(text, row, 1);
    m_rows.insert(platform, text);
    return text;
}

QString FreshnessPanel::text(Platform platform) const
{
    const QLabel *label = m_rows.value(platform);
    return label ? label->text() : QString();
}

QString FreshnessPanel::freshnessText(const PlatformSyncState &state, const QDateTime &now)
{
    const bool failedLast = lastSyncFailed(state);
    QStringList parts;
    if (state.running)
        parts.append(tr("syncing now"));
    if (failedLast)
        parts.append(tr("sync failed: %1").arg(state.lastError));
    if (state.lastSuccessAt.isValid())
        parts.append(tr("updated %1").arg(agoText(state.lastSuccessAt, now)));
    else if (!failedLast)
        parts.append(tr("not synced yet"));
    if (state.settlingFrom.isValid())
        parts.append(tr("settling since %1").arg(QLocale().toString(state.settlingFrom, QStringLiteral("d MMM"))));
    if (state.nextSyncAt.isValid() && !state.running)
        parts.append(tr("next sync %1").arg(Presentation::timestamp(state.nextSyncAt)));
    return parts.join(QStringLiteral(" · "));
}

QString FreshnessPanel::agoText(const QDateTime &then, const QDateTime &now)
{
    // Spelled out rather than "%n minute(s)": no English plural translation is loaded.
    const qint64 minutes = std::max<qint64>(0, then.secsTo(now) / 60);
    if (minutes < 1)
        return tr("just now");
    if (minutes == 1)
        return tr("1 minute ago");
    if (minutes < 60)
        return tr("%1 minutes ago").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours == 1)
        return tr("1 hour ago");
    if (hours < 48)
        return tr("%1 hours ago").arg(hours);
    return tr("%1 days ago").arg(hours / 24);
}

} // namespace ads::ui
