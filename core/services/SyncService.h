#pragma once

#include "core/domain/Platform.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QObject>

namespace ads::core {

struct PlatformSyncState
{
    QDateTime lastSuccessAt;
    QDateTime lastAttemptAt;
    QString lastError;
    int rowsLastSync = 0;
};

struct SyncStatus
{
    bool running = false;
    QDateTime startedAt;
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

    virtual SyncStatus status() const = 0;

signals:
    void syncStarted();
    void syncFinished(bool ok);
};

} // namespace ads::core
