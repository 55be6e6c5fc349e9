#pragma once

#include "core/domain/Platform.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QObject>

namespace ads::core {

/**
 * How often a platform is read and how far back each read reaches. Days inside the restatement
 * window may still change on the platform: they are "settling".
 */
struct SyncPolicy
{
    int intervalMinutes = 60;
    int restatementDays = 7;
    // True where the platform is known to leave days without delivery out of its reports, so an
    // absent day of a live campaign is a zero day; otherwise an absent day is missing data. A fact
    // about the platform: setPolicy keeps only the cadence and the window.
    bool omitsZeroDays = false;
};

/** Each platform's default policy, following its published freshness and attribution windows. */
SyncPolicy defaultSyncPolicy(Platform platform);

struct PlatformSyncState
{
    QDateTime lastSuccessAt;
    QDateTime lastAttemptAt;
    QString lastError;
    int rowsLastSync = 0;
    bool running = false;
    QDateTime nextSyncAt;
    SyncPolicy policy;
    QDate settlingFrom; // the first report day that may still change (in the account's zone)
};

struct SyncStatus
{
    bool running = false;
    QDateTime startedAt;
    int platformsTotal = 0; // of the running sync
    int platformsDone = 0;
    QMap<Platform, PlatformSyncState> platforms;
};

QJsonObject syncStatusToJson(const SyncStatus &status);

/** Pulls each platform's daily delivery into the store, on a timer and on demand. Thread-safe. */
class SyncService : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /** Starts a sync of every platform now, unless one is running; returns at once. */
    virtual void requestSync() = 0;

    /** Starts a sync of one platform now, unless it is running; returns at once. */
    virtual void requestPlatformSync(Platform platform) = 0;

    /** Replaces a platform's cadence and restatement window; kept in the store. */
    virtual void setPolicy(Platform platform, const SyncPolicy &policy) = 0;

    virtual SyncStatus status() const = 0;

signals:
    void syncStarted();
    void syncFinished(bool ok);
    void platformSynced(ads::core::Platform platform, bool ok);
};

} // namespace ads::core
