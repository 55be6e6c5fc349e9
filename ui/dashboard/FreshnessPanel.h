#pragma once

#include "core/services/SyncService.h"

#include <QCoreApplication>
#include <QMap>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace ads::ui {

/** True when the platform's latest sync attempt failed, whether or not an earlier one worked. */
bool lastSyncFailed(const core::PlatformSyncState &state);

/** How fresh each platform's figures are: when they were read, whether the last read failed. */
class FreshnessPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FreshnessPanel(QWidget *parent = nullptr);

    /** Shows status as of now (the instant sync times are compared with). */
    void showStatus(const core::SyncStatus &status, const QDateTime &now);

    /** The line shown for a platform; empty when the platform has no sync record. */
    QString text(core::Platform platform) const;

    /** One platform's freshness in words: "updated 12 minutes ago", "sync failed: <reason>". */
    static QString freshnessText(const core::PlatformSyncState &state, const QDateTime &now);

    /** "just now", "12 minutes ago", "3 hours ago", "2 days ago". */
    static QString agoText(const QDateTime &then, const QDateTime &now);

private:
    QLabel *rowFor(core::Platform platform);

    QGridLayout *m_grid;
    QLabel *m_empty;
    QMap<core::Platform, QLabel *> m_rows;
};

} // namespace ads::ui
